/**
 * The Switchboard engine: runs a scenario folder in an emulated browser, the extensions loaded from
 * disk by the loader, the sites served from their folders, and every context's
 * `console.log('@sb', …)` recorded as an observation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '../core/browser.ts';
import { FastForwardClock } from '../core/clock.ts';
import type { ConsoleMessage, ScriptContext } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';
import type { Tab } from '../core/tab.ts';
import { isSameDocumentNavigation } from '../core/url.ts';
import { createBrowser } from '../index.ts';
import { attachDom, loadUnpacked, realmOfContext, type BrowserDom } from '../loader/index.ts';
import { SiteFolders, pageFrames, pageTitle } from '../loader/sites.ts';
import { IDLE_STOP_LIMIT_MS, QUIET_MS, type Driver, type Engine, type UserGesture } from './engine.ts';
import { writeNativeHostManifests } from './native-hosts.ts';
import { clickAction } from '../platform/action.ts';
import { pressCommand } from '../platform/commands.ts';
import { clickContextMenu } from '../platform/context-menus.ts';
import { enterInOmnibox, typeInOmnibox } from '../platform/omnibox.ts';
import { activateDocument } from '../platform/user-gesture.ts';
import { VIEW_SOURCES } from './trace.ts';
import type { Scenario } from './scenario.ts';
import { CONSOLE_ERROR_LABEL, REPORT_MARKER, bindingsConsoleError, type Observation } from './trace.ts';

/** How deep <iframe>s nest before the engine stops following them, as a guard against a page framing itself. */

/** console.* arguments as one JSON list, each as JSON.stringify gives it (null where it gives nothing). */
function jsonList(args: readonly unknown[]): string {
  return `[${args.map((arg) => {
    try {
      return JSON.stringify(arg) ?? 'null';
    } catch {
      return 'null';
    }
  }).join(',')}]`;
}

export const switchboardEngine: Engine = {
  name: 'switchboard',
  async start(scenario: Scenario): Promise<Driver> {
    return new SwitchboardDriver(scenario);
  },
};

class SwitchboardDriver implements Driver {
  readonly extensionIds = new Map<string, string>();
  readonly observations: Observation[] = [];
  readonly quietMs = QUIET_MS;
  readonly #browser: Browser;
  /** Real time, which a waitForIdleStop step moves forward instead of waiting for it. */
  readonly #clock = new FastForwardClock();
  readonly #dom: BrowserDom;
  readonly #extensions = new Map<string, Extension>();
  readonly #tabs = new Map<number, Tab>();
  readonly #numberOf = new Map<Tab, number>();
  /** Tabs the extensions opened (tabs.create, openOptionsPage...), numbered in the order they opened. */
  readonly #newTabs = new Map<Tab, number>();
  #opening: number | undefined;
  #loading: string | undefined;

  /** Stands in for Chromium's user data directory: it holds the scenario's NativeMessagingHosts/. */
  readonly #userDataDir: string;

  constructor(private readonly scenario: Scenario) {
    this.#userDataDir = mkdtempSync(join(tmpdir(), 'switchboard-engine-'));
    writeNativeHostManifests(scenario, join(this.#userDataDir, 'NativeMessagingHosts'));
    this.#browser = createBrowser({
      clock: this.#clock,
      onConsole: (context, message) => this.record(context, message),
      // Looked up as the Chromium engine's are: its user-level folder, then Chromium's system folder.
      nativeMessaging: { brand: 'chromium', userDataDir: this.#userDataDir, stderr: 'ignore' },
    });
    this.#browser.observeTabStrip((event) => {
      if (event.type === 'tabCreated' && this.#opening === undefined) this.#newTabs.set(event.tab, this.#newTabs.size + 1);
    });
    const sites = new SiteFolders(scenario.sites);
    this.#dom = attachDom(this.#browser, { pages: (url) => sites.page(url) });
    for (const [name, dir] of scenario.extensions) {
      // A service worker may report while its extension is still loading.
      this.#loading = name;
      const extension = loadUnpacked(this.#browser, dir);
      this.#loading = undefined;
      this.#extensions.set(name, extension);
      this.extensionIds.set(name, extension.id);
    }
  }

  async openTab(url: string, tab: number): Promise<void> {
    // The page's own scripts report while the tab is being opened, before openTab returns it.
    this.#opening = tab;
    const opened = this.#browser.openTab(pageFrames(this.#dom, url));
    this.#opening = undefined;
    opened.title = pageTitle(this.#dom, url);
    this.#tabs.set(tab, opened);
    this.#numberOf.set(opened, tab);
  }

  async navigate(tab: number, url: string): Promise<void> {
    const target = this.tab(tab);
    // A fragment-only change keeps the document; anything else loads the page with its frames.
    target.navigate(isSameDocumentNavigation(target.url, url) ? url : pageFrames(this.#dom, url));
    target.title = pageTitle(this.#dom, url);
  }

  async reload(tab: number): Promise<void> {
    this.tab(tab).reload();
  }

  async back(tab: number): Promise<void> {
    const target = this.tab(tab);
    target.goBack();
    target.title = pageTitle(this.#dom, target.url);
  }

  async forward(tab: number): Promise<void> {
    const target = this.tab(tab);
    target.goForward();
    target.title = pageTitle(this.#dom, target.url);
  }

  async close(tab: number): Promise<void> {
    this.tab(tab).close();
    this.#tabs.delete(tab);
  }

  async reloadExtension(name: string): Promise<void> {
    this.#extensions.get(name)!.reload();
  }

  async stopWorker(name: string): Promise<void> {
    this.#extensions.get(name)!.stopServiceWorker();
  }

  /**
   * The browser's clock moves on a second at a time until the worker's idle timer stops it, what
   * each second's timers did settling before the next: the run does not wait 30 real seconds.
   * What the stop sets off may start the worker again at once (a port reconnecting).
   */
  async waitForIdleStop(name: string): Promise<void> {
    const extension = this.#extensions.get(name)!;
    let stopped = false;
    void extension.serviceWorkerStopped().then(() => (stopped = true));
    await this.#browser.idle();
    for (let idle = 0; !stopped; idle += 1000) {
      if (idle >= IDLE_STOP_LIMIT_MS) throw new Error(`the service worker of ${name} still runs after ${idle / 1000} s`);
      this.#clock.tick(1000);
      await this.#browser.idle();
    }
  }

  async gesture(gesture: UserGesture): Promise<void> {
    const extension = this.#extensions.get(gesture.extension)!;
    if (gesture.kind === 'contextMenu') clickContextMenu(extension, gesture.id, { tab: this.tab(gesture.tab) });
    else if (gesture.kind === 'command') pressCommand(extension, gesture.command, this.tab(gesture.tab));
    else if (gesture.type !== undefined) typeInOmnibox(extension, gesture.type);
    else enterInOmnibox(extension, gesture.enter!);
  }

  async clickAction(name: string, tab: number): Promise<void> {
    clickAction(this.#extensions.get(name)!, this.tab(tab));
  }

  async evaluate(where: string, expression: string): Promise<string | undefined> {
    const context = this.contextNamed(where);
    const realm = context && realmOfContext(context);
    if (!realm) throw new Error(`there is no ${where} to evaluate in`);
    // Playwright evaluates in a page as a user gesture (Runtime.evaluate's userGesture): so does this.
    if (context.document) activateDocument(context.document);
    const value: unknown = await realm.evaluate(`(async () => (${expression}))()`, 'harness');
    return JSON.stringify(value);
  }

  /** The context an evaluate step names: "service worker <name>", "tab <n>", "popup <name>"... */
  private contextNamed(where: string): ScriptContext | undefined {
    const tab = /^tab (\d+)$/.exec(where);
    if (tab) return this.tab(Number(tab[1])).mainFrame.document.mainWorld;
    const opened = /^new tab (\d+)$/.exec(where);
    if (opened) {
      const found = [...this.#newTabs].find(([candidate, number]) => number === Number(opened[1]) && !candidate.closed)?.[0];
      return found?.mainFrame.document.mainWorld;
    }
    const [, kind, name] = /^(service worker|popup|side panel|offscreen document) (.+)$/.exec(where) ?? [];
    const extension = name === undefined ? undefined : this.#extensions.get(name);
    if (!extension) return undefined;
    if (kind === 'service worker') return extension.serviceWorker;
    const view = [...this.#browser.views].find((candidate) => VIEW_SOURCES[candidate.view!] === kind && candidate.mainFrame.document.extension === extension);
    return view?.mainFrame.document.mainWorld;
  }

  settle(): Promise<void> {
    return this.#browser.idle();
  }

  async dispose(): Promise<void> {
    this.#browser.close();
    rmSync(this.#userDataDir, { recursive: true, force: true });
  }

  private tab(tab: number): Tab {
    const found = this.#tabs.get(tab);
    if (!found || found.closed) throw new Error(`tab ${tab} is closed`);
    return found;
  }

  private record(context: ScriptContext, message: ConsoleMessage): void {
    const { args } = message;
    if (args === undefined) {
      // The browser's own console errors (no arguments: not a console.* call) in a tab.
      const error = message.level === 'error' && context.type !== 'service_worker' ? bindingsConsoleError(message.text) : undefined;
      if (error !== undefined) this.observations.push({ source: this.sourceOf(context), label: CONSOLE_ERROR_LABEL, json: JSON.stringify(error) });
      return;
    }
    if (args[0] !== REPORT_MARKER || args.length < 2) {
      if (this.scenario.console === 'all' && args.length > 0) {
        this.observations.push({ source: this.sourceOf(context), label: `console.${message.level}`, json: jsonList(args) });
      }
      return;
    }
    let json: string | undefined;
    try {
      json = args.length > 2 ? JSON.stringify(args[2]) : undefined;
    } catch {
      json = undefined;
    }
    this.observations.push({ source: this.sourceOf(context), label: String(args[1]), json });
  }

  private sourceOf(context: ScriptContext): string {
    if (context.type === 'service_worker') {
      const name = [...this.#extensions].find(([, extension]) => extension === context.extension)?.[0] ?? this.#loading;
      return `service worker ${name ?? context.extension?.id ?? '?'}`;
    }
    const tab = context.tab;
    if (tab?.view) return `${VIEW_SOURCES[tab.view]} ${this.nameOf(context.extension)}`;
    if (tab && !this.#numberOf.has(tab) && this.#opening !== undefined) this.#numberOf.set(tab, this.#opening);
    const opened = tab && this.#newTabs.get(tab);
    if (opened !== undefined) return `new tab ${opened}`;
    return `tab ${tab ? (this.#numberOf.get(tab) ?? '?') : '?'}`;
  }

  private nameOf(extension: Extension | undefined): string {
    return [...this.#extensions].find(([, candidate]) => candidate === extension)?.[0] ?? extension?.id ?? '?';
  }
}
