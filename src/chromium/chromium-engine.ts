/**
 * The Chromium engine: runs a scenario folder unchanged in real headless Chromium (Debian's
 * `chromium`, driven by playwright-core), and records what its contexts report.
 *
 * Extensions are loaded through CDP's Extensions.loadUnpacked after the console listeners are in
 * place, so that nothing a service worker reports at start-up is missed; the sites are served from
 * one loopback port that --host-rules maps every site host to, so URLs are the scenario's own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { IDLE_STOP_LIMIT_MS, QUIET_MS, type Driver, type Engine, type UserGesture } from '../conformance/engine.ts';
import { writeNativeHostManifests } from '../conformance/native-hosts.ts';
import type { Scenario } from '../conformance/scenario.ts';
import { CONSOLE_ERROR_LABEL, REPORT_MARKER, VIEW_SOURCES, bindingsConsoleError, type Observation } from '../conformance/trace.ts';
import { chromiumExecutable } from './executable.ts';
import { ExtensionViewConsoles, type ViewKind } from './extension-views.ts';
import { startSiteServer } from './site-server.ts';

/** Flags that keep Chromium quiet on a machine with no network. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's console message types, as Switchboard's console levels name them. */
const CONSOLE_LEVELS: Readonly<Record<string, string>> = {
  log: 'log', info: 'log', debug: 'log', trace: 'log', dir: 'log', table: 'log', warning: 'warn', error: 'error', assert: 'error',
};

/** Whether the extension in `dir` has a service worker (its manifest's background.service_worker). */
function declaresWorker(dir: string | undefined): boolean {
  const file = join(dir ?? '', 'manifest.json');
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { background?: { service_worker?: unknown } };
    return manifest.background?.service_worker !== undefined;
  } catch {
    return existsSync(file);
  }
}

const VIEW_SOURCE_OF: Readonly<Record<ViewKind, string>> = {
  POPUP: VIEW_SOURCES.popup,
  SIDE_PANEL: VIEW_SOURCES.side_panel,
  OFFSCREEN_DOCUMENT: VIEW_SOURCES.offscreen_document,
};

export interface ChromiumEngineOptions {
  /**
   * Called with the fresh user data directory before Chromium starts: the place to put what a
   * profile holds, such as user-level native messaging host manifests (NativeMessagingHosts/).
   */
  readonly prepareProfile?: (userDataDir: string) => void;
}

export const chromiumEngine: Engine = createChromiumEngine();

export function createChromiumEngine(options: ChromiumEngineOptions = {}): Engine {
  return {
    name: 'chromium',
    async start(scenario: Scenario): Promise<Driver> {
      const executablePath = chromiumExecutable();
      const sites = await startSiteServer(scenario.sites);
      const profile = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
      // The scenario's native hosts, where Chromium looks for user-level ones: <user-data-dir>/NativeMessagingHosts.
      writeNativeHostManifests(scenario, join(profile, 'NativeMessagingHosts'));
      options.prepareProfile?.(profile);
      const hosts = [...scenario.sites.keys()].map((origin) => `MAP ${new URL(origin).hostname} 127.0.0.1:${sites.port}`);
      let context: BrowserContext;
      try {
        context = await chromium.launchPersistentContext(profile, {
          executablePath,
          headless: true,
          // Playwright turns extensions and the back/forward cache off by default; Chrome has both.
          ignoreDefaultArgs: ['--disable-extensions', '--disable-back-forward-cache'],
          args: [
            ...QUIET_FLAGS,
            '--enable-unsafe-extension-debugging',
            // The https sites' certificate is made for the run (site-server.ts).
            '--ignore-certificate-errors',
            ...(hosts.length > 0 ? [`--host-rules=${hosts.join(',')}`] : []),
          ],
        });
      } catch (error) {
        await sites.close();
        rmSync(profile, { recursive: true, force: true });
        throw error;
      }
      const driver = new ChromiumDriver(
        context,
        async () => {
          await context.close();
          await sites.close();
          rmSync(profile, { recursive: true, force: true });
        },
        scenario.console,
      );
      try {
        await driver.watchViews();
        await driver.loadExtensions(scenario.extensions);
      } catch (error) {
        await driver.dispose();
        throw error;
      }
      return driver;
    },
  };
}

class ChromiumDriver implements Driver {
  readonly extensionIds = new Map<string, string>();
  readonly observations: Observation[] = [];
  readonly quietMs = QUIET_MS;
  readonly #pages = new Map<number, Page>();
  readonly #tabOf = new Map<Page, number>();
  #opening = false;
  #browserSession: CDPSession | undefined;
  readonly #extensionDirs = new Map<string, string>();
  /** Reports are read asynchronously (their values live in the page); one chain per source keeps their order. */
  readonly #chains = new Map<string, Promise<void>>();

  /** Tabs the extensions opened (tabs.create, openOptionsPage...), numbered in the order they opened. */
  #newTabs = 0;
  #views: ExtensionViewConsoles | undefined;

  constructor(
    private readonly context: BrowserContext,
    private readonly teardown: () => Promise<void>,
    private readonly consoleMode: Scenario['console'] = 'reports',
  ) {
    // Workers' console calls are heard at the context's level: a listener on a Worker subscribes to
    // them only once Playwright has handed the Worker out, which a worker it has just attached to
    // (a restarted one) can log before.
    context.on('console', (message) => {
      const worker = message.worker();
      if (worker && context.serviceWorkers().includes(worker)) this.recordWorker(worker, message);
    });
    context.on('page', (page) => {
      // Pages the harness opens are numbered by openTab; the rest were opened by an extension.
      if (this.#opening) return;
      const source = `new tab ${++this.#newTabs}`;
      this.#tabOf.set(page, -this.#newTabs);
      void this.closeStartingTab(page);
      page.on('console', (message) => {
        if (message.worker() === null) this.record(source, message);
      });
    });
  }

  /** Reads popups', side panels' and offscreen documents' consoles through the browser's CDP session. */
  async watchViews(): Promise<void> {
    const browser = this.context.browser();
    if (!browser) return;
    const session = await browser.newBrowserCDPSession();
    const workerOf = (id: string): Worker | undefined => this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
    this.#views = new ExtensionViewConsoles(session, workerOf, (call) => {
      const name = [...this.extensionIds].find(([, extensionId]) => extensionId === call.extensionId)?.[0] ?? call.extensionId;
      this.recordValues(`${VIEW_SOURCE_OF[call.kind]} ${name}`, call.type, call.args);
    });
    this.#browserSession = session;
    await this.#views.start();
  }

  async gesture(gesture: UserGesture): Promise<void> {
    const what = { contextMenu: 'choose a context menu item', omnibox: 'type in the address bar', command: "press a command's keys" }[gesture.kind];
    throw new Error(`Chromium's harness cannot ${what}: no DevTools command does it, so this scenario runs in Switchboard only`);
  }

  async clickAction(name: string, tab: number): Promise<void> {
    const id = this.extensionIds.get(name);
    const page = this.page(tab);
    // A user clicks once the extension has loaded: its worker's top level (and its onClicked
    // listener) has run. An evaluation is served only after the script's own task.
    const isOurs = (w: Worker): boolean => w.url().startsWith(`chrome-extension://${id}/`);
    const worker = this.context.serviceWorkers().find(isOurs)
      ?? (declaresWorker(this.#extensionDirs.get(name)) ? await this.context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 5000 }).catch(() => undefined) : undefined);
    await worker?.evaluate('0').catch(() => undefined);
    const session = this.#browserSession ?? (await this.context.browser()!.newBrowserCDPSession());
    // Extensions.triggerAction wants the tab's own target, which only its URL and strip order tie to the page.
    const { targetInfos } = (await session.send('Target.getTargets', { filter: [{}] } as never)) as unknown as { targetInfos: { targetId: string; type: string; url: string }[] };
    const tabs = targetInfos.filter((target) => target.type === 'tab' && target.url === page.url());
    const samePages = this.context.pages().filter((other) => other.url() === page.url());
    const target = tabs[Math.max(0, samePages.indexOf(page))] ?? tabs[0];
    if (!target) throw new Error(`no tab target for tab ${tab}`);
    await session.send('Extensions.triggerAction' as never, { id, targetId: target.targetId } as never);
  }

  async loadExtensions(extensions: ReadonlyMap<string, string>): Promise<void> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser behind the persistent context');
    const session = await browser.newBrowserCDPSession();
    for (const [name, dir] of extensions) {
      const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: dir } as never)) as { id: string };
      this.extensionIds.set(name, id);
      this.#extensionDirs.set(name, dir);
    }
    await session.detach();
  }

  async openTab(url: string, tab: number): Promise<void> {
    this.#opening = true;
    const page = await this.context.newPage().finally(() => (this.#opening = false));
    await this.closeStartingTab(page);
    this.#pages.set(tab, page);
    this.#tabOf.set(page, tab);
    page.on('console', (message) => {
      // With an extension page open, Playwright also hands the page the extension's service worker messages.
      if (message.worker() === null) this.record(`tab ${tab}`, message);
    });
    await page.goto(url);
  }

  /**
   * The blank tab a persistent context starts with would shift every tab's index: the first tab the
   * scenario or an extension opens replaces it, so that the scenario's tabs are the only ones.
   */
  private async closeStartingTab(opened: Page): Promise<void> {
    for (const other of this.context.pages()) if (other !== opened && !this.#tabOf.has(other)) await other.close();
  }

  async navigate(tab: number, url: string): Promise<void> {
    await this.page(tab).goto(url);
  }

  async reload(tab: number): Promise<void> {
    await this.page(tab).reload();
  }

  // A page restored from the back/forward cache fires no load event: wait for the commit only.
  async back(tab: number): Promise<void> {
    await this.page(tab).goBack({ waitUntil: 'commit' });
  }

  async forward(tab: number): Promise<void> {
    await this.page(tab).goForward({ waitUntil: 'commit' });
  }

  async close(tab: number): Promise<void> {
    await this.page(tab).close();
    this.#pages.delete(tab);
  }

  /**
   * Loads the extension's folder again (DevTools' Extensions.loadUnpacked on the same path), which
   * is what chrome.runtime.reload() does for an unpacked extension (ExtensionService::
   * ReloadExtension → UnpackedInstaller::Load): the old one unloads, the new one installs as an
   * update. chrome.runtime.reload() itself leaves an extension that DevTools loaded unloaded for
   * good in this harness (its pages then fail with ERR_BLOCKED_BY_CLIENT).
   */
  async reloadExtension(name: string): Promise<void> {
    await this.loadExtensions(new Map([[name, this.#extensionDirs.get(name)!]]));
  }

  /**
   * Closes the worker's DevTools target (Target.closeTarget stops a service worker, as
   * chrome://serviceworker-internals' Stop does; ServiceWorker.stopWorker needs a page session).
   * Playwright keeps the same Worker for the restarted worker: its console stays recorded.
   */
  async stopWorker(name: string): Promise<void> {
    const { session, workers } = await this.workerTargets(name);
    for (const targetId of await workers()) await session.send('Target.closeTarget', { targetId });
    for (let tries = 0; tries < 250 && (await workers()).length > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** A browser DevTools session, and what lists the DevTools targets of the extension's service workers. */
  private async workerTargets(name: string): Promise<{ session: CDPSession; workers: () => Promise<string[]> }> {
    const id = this.extensionIds.get(name);
    const session = this.#browserSession ?? (await this.context.browser()!.newBrowserCDPSession());
    const workers = async (): Promise<string[]> => {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      return targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${id}/`)).map((target) => target.targetId);
    };
    return { session, workers };
  }

  /**
   * Chromium never idle-stops a worker that DevTools is attached to (ServiceWorkerVersion::
   * OnRequestTermination), and Playwright attaches to every one: its session on the worker is
   * detached, through the one Playwright internal this harness uses (the in-process connection's
   * toImpl, which gives the server's CRServiceWorker and its CDP session). Then the worker's
   * target goes once its 30 s idle timer fires; a restarted worker is a new target, which
   * Playwright attaches to as a new one (what the stop sets off may restart it at once).
   */
  async waitForIdleStop(name: string): Promise<void> {
    const id = this.extensionIds.get(name);
    const { workers } = await this.workerTargets(name);
    const before = await workers();
    for (const worker of this.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${id}/`))) {
      type Internal = { _connection?: { toImpl?: (object: unknown) => { _session?: { detach(): Promise<void> } } | undefined } };
      const devtools = (worker as unknown as Internal)._connection?.toImpl?.(worker)?._session;
      if (!devtools) throw new Error("this Playwright gives no way to detach DevTools from the worker, which then never idle-stops");
      await devtools.detach();
    }
    const deadline = performance.now() + IDLE_STOP_LIMIT_MS;
    while ((await workers()).some((target) => before.includes(target))) {
      if (performance.now() > deadline) throw new Error(`the service worker of ${name} still runs after ${IDLE_STOP_LIMIT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async evaluate(where: string, expression: string): Promise<string | undefined> {
    const source = `(async () => JSON.stringify(await (${expression})))()`;
    const tab = /^tab (\d+)$/.exec(where);
    if (tab) return (await this.page(Number(tab[1])).evaluate(source)) as string | undefined;
    const opened = /^new tab (\d+)$/.exec(where);
    if (opened) {
      const page = [...this.#tabOf].find(([candidate, number]) => number === -Number(opened[1]) && !candidate.isClosed())?.[0];
      if (!page) throw new Error(`there is no ${where} open`);
      return (await page.evaluate(source)) as string | undefined;
    }
    const [, kind, name] = /^(service worker|popup|side panel|offscreen document) (.+)$/.exec(where) ?? [];
    const id = name === undefined ? undefined : this.extensionIds.get(name);
    if (id === undefined) throw new Error(`there is no ${where} to evaluate in`);
    if (kind === 'service worker') {
      const worker = this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      if (!worker) throw new Error(`${where} is not running`);
      return (await worker.evaluate(source)) as string | undefined;
    }
    const viewKind = (Object.keys(VIEW_SOURCE_OF) as ViewKind[]).find((k) => VIEW_SOURCE_OF[k] === kind)!;
    return this.#views?.evaluate(id, viewKind, source);
  }

  async settle(): Promise<void> {
    await Promise.all(this.#chains.values());
  }

  async dispose(): Promise<void> {
    await this.settle().catch(() => undefined);
    await this.teardown();
  }

  private page(tab: number): Page {
    const page = this.#pages.get(tab);
    if (!page) throw new Error(`tab ${tab} is closed`);
    return page;
  }

  private recordWorker(worker: Worker, message: ConsoleMessage): void {
    const id = /^chrome-extension:\/\/([a-p]{32})\//.exec(worker.url())?.[1];
    if (id === undefined) return;
    const name = [...this.extensionIds].find(([, extensionId]) => extensionId === id)?.[0] ?? id;
    this.record(`service worker ${name}`, message);
  }

  /** A view's console call (its arguments already read as JSON text), recorded as record() does. */
  private recordValues(source: string, type: string, args: readonly (string | undefined)[]): void {
    if (args.length < 2 || args[0] !== JSON.stringify(REPORT_MARKER)) {
      if (this.consoleMode === 'all' && args.length > 0) {
        const push = (): void => void this.observations.push({ source, label: `console.${CONSOLE_LEVELS[type] ?? 'log'}`, json: `[${args.map((v) => v ?? 'null').join(',')}]` });
        this.#chains.set(source, (this.#chains.get(source) ?? Promise.resolve()).then(push, push));
      }
      return;
    }
    const push = (): void => void this.observations.push({ source, label: args[1] === undefined ? '?' : (JSON.parse(args[1]) as string), json: args.length > 2 ? args[2] : undefined });
    this.#chains.set(source, (this.#chains.get(source) ?? Promise.resolve()).then(push, push));
  }

  private record(source: string, message: ConsoleMessage): void {
    const error = message.type() === 'error' && source.startsWith('tab ') ? bindingsConsoleError(message.text()) : undefined;
    if (error !== undefined) {
      const push = (): void => void this.observations.push({ source, label: CONSOLE_ERROR_LABEL, json: JSON.stringify(error) });
      this.#chains.set(source, (this.#chains.get(source) ?? Promise.resolve()).then(push, push));
      return;
    }
    const args = message.args();
    if (args.length < 2 || message.text().split(' ', 1)[0] !== REPORT_MARKER) {
      if (this.consoleMode === 'all' && args.length > 0) {
        const level = CONSOLE_LEVELS[message.type()] ?? 'log';
        const read = async (): Promise<void> => {
          const values = await Promise.all(args.map((arg) => arg.evaluate((v) => JSON.stringify(v)).catch(() => undefined)));
          this.observations.push({ source, label: `console.${level}`, json: `[${values.map((v) => v ?? 'null').join(',')}]` });
        };
        this.#chains.set(source, (this.#chains.get(source) ?? Promise.resolve()).then(read, read));
      }
      return;
    }
    const read = async (): Promise<void> => {
      const [marker, label, value] = await Promise.all(
        args.slice(0, 3).map((arg) => arg.evaluate((v) => JSON.stringify(v)).catch(() => undefined)),
      );
      if (marker !== JSON.stringify(REPORT_MARKER)) return;
      this.observations.push({ source, label: label === undefined ? '?' : (JSON.parse(label) as string), json: args.length > 2 ? value : undefined });
    };
    const chain = (this.#chains.get(source) ?? Promise.resolve()).then(read, read);
    this.#chains.set(source, chain);
  }
}
