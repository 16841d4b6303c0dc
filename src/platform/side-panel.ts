/**
 * The extension's side panel (SidePanelService, chrome/browser/extensions/api/side_panel/
 * side_panel_service.cc): options by tab over the manifest's `side_panel.default_path`, whether a
 * click on the action opens the panel, and the panels open — a global one per window, a contextual
 * one per tab — each an extension page in a view outside the tab strip.
 */
import type { Browser } from '../core/browser.ts';
import { SIDE_PANEL_TAB_NOT_IN_WINDOW, sidePanelNoActivePanel, tabNotFound, windowNotFound } from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import type { Tab } from '../core/tab.ts';
import type { Window } from '../core/window.ts';
import { handleActionClicks } from './action.ts';

/** sidePanel.PanelOptions, keys in Chrome's order (base::Value keeps them sorted). */
export interface PanelOptions {
  enabled?: boolean;
  path?: string;
  tabId?: number;
}

/** onOpened's and onClosed's info: the panel's path, its tab if contextual, its window. */
export interface PanelInfo {
  path: string;
  tabId?: number;
  windowId: number;
}

export class SidePanelError extends Error {
  override readonly name = 'SidePanelError';
}

interface OpenPanel {
  readonly view: Tab;
  readonly info: PanelInfo;
}

/** SessionID::InvalidValue(): the key of the options that hold for every tab. */
const DEFAULT_TAB = -1;

/** One extension's side panel state. */
export class ExtensionSidePanel {
  readonly #options = new Map<number, PanelOptions>();
  openPanelOnActionClick = false;
  /** Global panels by window id, contextual ones by `tab <id>`. */
  readonly #open = new Map<string, OpenPanel>();

  constructor(readonly extension: Extension) {}

  /** GetPanelOptionsFromManifest: the default path, enabled, if the manifest names one. */
  #manifestOptions(): PanelOptions {
    const path = (this.extension.manifest as { side_panel?: { default_path?: unknown } }).side_panel?.default_path;
    return typeof path === 'string' && path !== '' ? { enabled: true, path } : {};
  }

  /** SidePanelService::GetOptions: the tab's own options, else the default ones, else the manifest's. */
  getOptions(tabId?: number): PanelOptions {
    if (tabId !== undefined && tabId !== DEFAULT_TAB) {
      const own = this.#options.get(tabId);
      if (own) return { ...own };
    }
    const defaults = this.#options.get(DEFAULT_TAB);
    return defaults ? { ...defaults } : this.#manifestOptions();
  }

  /** SidePanelService::SetOptions: merged into the stored options; first stored, enabled defaults to true. */
  setOptions(options: PanelOptions): void {
    const tabId = options.tabId ?? DEFAULT_TAB;
    const existing = this.#options.get(tabId);
    const merge = (into: PanelOptions): PanelOptions => sorted({ ...into, ...(options.path !== undefined && { path: options.path }), ...(options.enabled !== undefined && { enabled: options.enabled }) });
    if (existing) this.#options.set(tabId, merge(existing));
    else if (tabId === DEFAULT_TAB) this.#options.set(tabId, merge({ ...this.#manifestOptions(), enabled: options.enabled ?? true }));
    else this.#options.set(tabId, sorted({ ...options, enabled: options.enabled ?? true }));
  }

  /** Whether the tab has a panel to show: enabled, with a path. */
  availableFor(tabId: number): boolean {
    const options = this.getOptions(tabId);
    return options.enabled === true && options.path !== undefined;
  }

  /** sidePanel.open({windowId}): the global panel in that window. */
  openForWindow(windowId: number): void {
    const window = this.extension.browser.getWindow(windowId);
    if (!window || window.closed) throw new SidePanelError(windowNotFound(windowId));
    const options = this.getOptions();
    if (options.enabled !== true || options.path === undefined) throw new SidePanelError(sidePanelNoActivePanel('windowId', windowId));
    // The window shows its active tab's own panel where that tab has one (observed in Chromium 156).
    const active = window.activeTab;
    if (active && this.#options.has(active.id) && this.availableFor(active.id)) this.#openOver(active);
    else this.#show(`${window.id}`, options.path, window, undefined);
  }

  /** sidePanel.open({tabId, windowId?}): the tab's contextual panel, or the global one over it. */
  openForTab(tabId: number, windowId?: number): void {
    const browser = this.extension.browser;
    if (windowId !== undefined && !browser.getWindow(windowId)) throw new SidePanelError(windowNotFound(windowId));
    const tab = browser.getTab(tabId);
    if (!tab || tab.view) throw new SidePanelError(tabNotFound(tabId));
    if (windowId !== undefined && tab.windowId !== windowId) throw new SidePanelError(SIDE_PANEL_TAB_NOT_IN_WINDOW);
    this.#openOver(tab);
  }

  /** What a click on the action opens: the panel the tab has. */
  #openOver(tab: Tab): void {
    const options = this.getOptions(tab.id);
    if (options.enabled !== true || options.path === undefined) throw new SidePanelError(sidePanelNoActivePanel('tabId', tab.id));
    if (this.#options.has(tab.id)) this.#show(`tab ${tab.id}`, options.path, tab.window, tab.id);
    else this.#show(`${tab.windowId}`, options.path, tab.window, undefined);
  }

  /**
   * sidePanel.close: the tab's panel (its own one, else the global one of its window), or the
   * window's global one — a tab's own panel stays (observed in Chromium 156).
   */
  close(target: { tabId?: number; windowId?: number }): void {
    const browser = this.extension.browser;
    if (target.tabId !== undefined) {
      const tab = browser.getTab(target.tabId);
      if (!tab || tab.view) throw new SidePanelError(tabNotFound(target.tabId));
      if (target.windowId !== undefined && tab.windowId !== target.windowId) throw new SidePanelError(SIDE_PANEL_TAB_NOT_IN_WINDOW);
      if (!this.#hide(`tab ${tab.id}`)) this.#hide(`${tab.windowId}`);
      return;
    }
    const windowId = target.windowId!;
    if (!browser.getWindow(windowId)) throw new SidePanelError(windowNotFound(windowId));
    this.#hide(`${windowId}`);
  }

  /** The panel open over `tab`, if any: its contextual one, else its window's global one. */
  panelOver(tab: Tab): Tab | undefined {
    return this.#live(`tab ${tab.id}`)?.view ?? this.#live(`${tab.windowId}`)?.view;
  }

  /** Every open panel's view. */
  get panels(): Tab[] {
    return [...this.#open.keys()].map((key) => this.#live(key)?.view).filter((view): view is Tab => view !== undefined);
  }

  /** A click on the action with openPanelOnActionClick: toggles the tab's panel. */
  toggleOver(tab: Tab): void {
    if (this.#hide(`tab ${tab.id}`) || (!this.#options.has(tab.id) && this.#hide(`${tab.windowId}`))) return;
    this.#openOver(tab);
  }

  #live(key: string): OpenPanel | undefined {
    const panel = this.#open.get(key);
    if (panel && panel.view.closed) this.#open.delete(key);
    return panel && !panel.view.closed ? panel : undefined;
  }

  #show(key: string, path: string, window: Window, tabId: number | undefined): void {
    const url = new URL(path, this.extension.getURL('')).href;
    const current = this.#live(key);
    if (current && current.view.mainFrame.document.url === url) return;
    if (current) this.#hide(key);
    const view = this.extension.browser.openView(url, 'side_panel', window);
    const info: PanelInfo = { path: new URL(url).pathname, ...(tabId !== undefined && { tabId }), windowId: window.id };
    this.#open.set(key, { view, info });
    // The panel shows after sidePanel.open has answered (observed in Chromium 156).
    const browser = this.extension.browser;
    browser.post(() => browser.events.dispatchToExtension(this.extension, 'sidePanel.onOpened', [info]));
  }

  #hide(key: string): boolean {
    const panel = this.#live(key);
    if (!panel) return false;
    this.#open.delete(key);
    // The panel goes after sidePanel.close has answered, even a panel closing itself (observed in Chromium 156).
    const browser = this.extension.browser;
    browser.post(() => browser.post(() => {
      panel.view.close();
      browser.events.dispatchToExtension(this.extension, 'sidePanel.onClosed', [panel.info]);
    }));
    return true;
  }
}

function sorted(options: PanelOptions): PanelOptions {
  const out: PanelOptions = {};
  if (options.enabled !== undefined) out.enabled = options.enabled;
  if (options.path !== undefined) out.path = options.path;
  if (options.tabId !== undefined) out.tabId = options.tabId;
  return out;
}

const panels = new WeakMap<Extension, ExtensionSidePanel>();
const attached = new WeakSet<Browser>();

/** The extension's side panel state (every extension has one; the API needs the "sidePanel" permission). */
export function sidePanelOf(extension: Extension): ExtensionSidePanel {
  attach(extension.browser);
  let panel = panels.get(extension);
  if (!panel) {
    panel = new ExtensionSidePanel(extension);
    panels.set(extension, panel);
  }
  return panel;
}

/** With openPanelOnActionClick, a click on the action toggles the side panel instead of its popup or onClicked. */
function attach(browser: Browser): void {
  if (attached.has(browser)) return;
  attached.add(browser);
  handleActionClicks(browser, (extension, tab) => {
    const panel = panels.get(extension);
    if (!panel?.openPanelOnActionClick || !panel.availableFor(tab.id)) return false;
    panel.toggleOver(tab);
    return true;
  });
}
