/**
 * The Switchboard engine: runs a scenario folder in an emulated browser, the extensions loaded from
 * disk by the loader, the sites served from their folders, and every context's
 * `console.log('@sb', …)` recorded as an observation.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Browser } from '../core/browser.ts';
import type { ConsoleMessage, ScriptContext } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';
import type { FrameInit } from '../core/frame.ts';
import type { Tab } from '../core/tab.ts';
import { isSameDocumentNavigation } from '../core/url.ts';
import { createBrowser } from '../index.ts';
import { attachDom, loadUnpacked, type BrowserDom } from '../loader/index.ts';
import { fileIn } from '../chromium/site-server.ts';
import { QUIET_MS, type Driver, type Engine } from './engine.ts';
import { writeNativeHostManifests } from './native-hosts.ts';
import type { Scenario } from './scenario.ts';
import { CONSOLE_ERROR_LABEL, REPORT_MARKER, bindingsConsoleError, type Observation } from './trace.ts';

/** How deep <iframe>s nest before the engine stops following them, as a guard against a page framing itself. */
const MAX_FRAME_DEPTH = 8;

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
  readonly #dom: BrowserDom;
  readonly #extensions = new Map<string, Extension>();
  readonly #tabs = new Map<number, Tab>();
  readonly #numberOf = new Map<Tab, number>();
  #opening: number | undefined;
  #loading: string | undefined;

  /** Stands in for Chromium's user data directory: it holds the scenario's NativeMessagingHosts/. */
  readonly #userDataDir: string;

  constructor(private readonly scenario: Scenario) {
    this.#userDataDir = mkdtempSync(join(tmpdir(), 'switchboard-engine-'));
    writeNativeHostManifests(scenario, join(this.#userDataDir, 'NativeMessagingHosts'));
    this.#browser = createBrowser({
      onConsole: (context, message) => this.record(context, message),
      // Looked up as the Chromium engine's are: its user-level folder, then Chromium's system folder.
      nativeMessaging: { brand: 'chromium', userDataDir: this.#userDataDir, stderr: 'ignore' },
    });
    this.#dom = attachDom(this.#browser, { pages: (url) => this.serve(url) });
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
    const opened = this.#browser.openTab(this.frameTree(url, 0));
    this.#opening = undefined;
    opened.title = this.titleOf(url);
    this.#tabs.set(tab, opened);
    this.#numberOf.set(opened, tab);
  }

  async navigate(tab: number, url: string): Promise<void> {
    const target = this.tab(tab);
    // A fragment-only change keeps the document; anything else loads the page with its frames.
    target.navigate(isSameDocumentNavigation(target.url, url) ? url : this.frameTree(url, 0));
    target.title = this.titleOf(url);
  }

  async reload(tab: number): Promise<void> {
    this.tab(tab).reload();
  }

  async back(tab: number): Promise<void> {
    const target = this.tab(tab);
    target.goBack();
    target.title = this.titleOf(target.url);
  }

  async forward(tab: number): Promise<void> {
    const target = this.tab(tab);
    target.goForward();
    target.title = this.titleOf(target.url);
  }

  async close(tab: number): Promise<void> {
    this.tab(tab).close();
    this.#tabs.delete(tab);
  }

  async reloadExtension(name: string): Promise<void> {
    this.#extensions.get(name)!.reload();
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

  /** A site's file for an http(s) URL of one of the scenario's origins. */
  private serve(url: string): string | undefined {
    const parsed = new URL(url);
    const folder = this.scenario.sites.get(parsed.origin);
    if (folder === undefined) return undefined;
    const file = fileIn(folder, parsed.pathname.endsWith('/') ? `${parsed.pathname}index.html` : parsed.pathname);
    try {
      return file === undefined ? undefined : readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The page at `url` with the frames its <iframe src> elements open, recursively. */
  private frameTree(url: string, depth: number): FrameInit {
    const html = this.#dom.resolve(url);
    if (html === undefined || depth >= MAX_FRAME_DEPTH) return { url };
    const frames = [...JSDOM.fragment(html).querySelectorAll('iframe[src]')].map((iframe) =>
      this.frameTree(new URL(iframe.getAttribute('src')!, url).href, depth + 1),
    );
    return frames.length > 0 ? { url, frames } : { url };
  }

  /** What Chrome shows as the tab's title: the page's <title>, else its URL without the scheme. */
  private titleOf(url: string): string {
    const html = this.#dom.resolve(url);
    const title = html === undefined ? '' : (JSDOM.fragment(html).querySelector('title')?.textContent ?? '').trim();
    return title !== '' ? title : url.replace(/^[a-z-]+:\/\//, '');
  }

  private record(context: ScriptContext, message: ConsoleMessage): void {
    const { args } = message;
    if (args === undefined) {
      // The browser's own console errors (no arguments: not a console.* call) in a tab.
      const error = message.level === 'error' && context.type !== 'service_worker' ? bindingsConsoleError(message.text) : undefined;
      if (error !== undefined) this.observations.push({ source: this.sourceOf(context), label: CONSOLE_ERROR_LABEL, json: JSON.stringify(error) });
      return;
    }
    if (args[0] !== REPORT_MARKER || args.length < 2) return;
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
    if (tab && !this.#numberOf.has(tab) && this.#opening !== undefined) this.#numberOf.set(tab, this.#opening);
    return `tab ${tab ? (this.#numberOf.get(tab) ?? '?') : '?'}`;
  }
}
