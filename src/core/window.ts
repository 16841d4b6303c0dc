import type { Browser } from './browser.ts';
import type { Tab, TabInfo, TabProperty } from './tab.ts';

/** windows.WindowType: the kinds Switchboard opens (Chrome also has 'app' and 'devtools'). */
export type WindowType = 'normal' | 'popup';
/** windows.WindowState. */
export type WindowState = 'normal' | 'minimized' | 'maximized' | 'fullscreen' | 'locked-fullscreen';

export interface WindowBounds {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** windows.Window as Chrome hands it out: keys in Chrome's order (alphabetical, as base::Value keeps them). */
export interface WindowInfo {
  alwaysOnTop: boolean;
  focused: boolean;
  height: number;
  id: number;
  incognito: boolean;
  left: number;
  state: WindowState;
  tabs?: unknown[];
  top: number;
  type: WindowType;
  width: number;
}

export interface WindowInit {
  readonly type?: WindowType;
  readonly state?: WindowState;
  readonly bounds?: Partial<WindowBounds>;
}

/** A browser window's bounds in headless Chromium 156: the first window, and any other one (observed). */
export const FIRST_WINDOW_BOUNDS: Readonly<WindowBounds> = { left: 10, top: 10, width: 1280, height: 720 };
export const NEW_WINDOW_BOUNDS: Readonly<WindowBounds> = { left: 0, top: 0, width: 800, height: 600 };

/**
 * A browser window (Chromium's Browser with its TabStripModel): its tabs in index order, the one
 * active tab, the highlighted (selected) tabs, its type, state and bounds. Its id comes from the
 * SessionID counter tabs use.
 */
export class Window {
  readonly type: WindowType;
  state: WindowState;
  readonly bounds: WindowBounds;
  /** The tab strip, in index order. */
  readonly tabs: Tab[] = [];
  #activeTab: Tab | undefined;
  #closed = false;

  constructor(
    readonly browser: Browser,
    readonly id: number,
    init: WindowInit = {},
    defaultBounds: Readonly<WindowBounds> = NEW_WINDOW_BOUNDS,
  ) {
    this.type = init.type ?? 'normal';
    this.state = init.state ?? 'normal';
    this.bounds = { ...defaultBounds, ...init.bounds };
  }

  get closed(): boolean {
    return this.#closed;
  }

  get focused(): boolean {
    return this.browser.focusedWindow === this;
  }

  get activeTab(): Tab | undefined {
    return this.#activeTab;
  }

  indexOf(tab: Tab): number {
    return this.tabs.indexOf(tab);
  }

  /** Puts `tab` in the strip at `index` (clamped; the end by default). */
  insert(tab: Tab, index = this.tabs.length): number {
    const at = Math.max(0, Math.min(index, this.tabs.length));
    this.tabs.splice(at, 0, tab);
    return at;
  }

  /** Takes `tab` out of the strip; returns the index it had. */
  detach(tab: Tab): number {
    const index = this.tabs.indexOf(tab);
    if (index >= 0) this.tabs.splice(index, 1);
    if (this.#activeTab === tab) this.#activeTab = undefined;
    return index;
  }

  /** Makes `tab` the active tab; the selection becomes that tab alone (TabStripModel::ActivateTabAt). */
  setActive(tab: Tab): void {
    this.#activeTab = tab;
    for (const other of this.tabs) other.highlighted = other === tab;
  }

  /**
   * The tab that becomes active when the active tab at `index` goes (TabStripModel's
   * DetermineNewSelectedIndex, without opener relations): the one now at its place, else the last.
   */
  successorAt(index: number): Tab | undefined {
    return this.tabs[Math.min(index, this.tabs.length - 1)];
  }

  markClosed(): void {
    this.#closed = true;
  }

  /** windows.Window as Chrome reports it now; `tabs` only when populated. */
  info(tabs?: unknown[]): WindowInfo {
    return {
      alwaysOnTop: false,
      focused: this.focused,
      height: this.bounds.height,
      id: this.id,
      incognito: false,
      left: this.bounds.left,
      state: this.state,
      ...(tabs ? { tabs } : {}),
      top: this.bounds.top,
      type: this.type,
      width: this.bounds.width,
    };
  }
}

/**
 * What changes in the browser's windows and tab strips, as the tabs and windows events report it
 * (Browser.observeTabStrip). Snapshots (`info`) are unscrubbed; the platform scrubs them per extension.
 */
export type TabStripEvent =
  | { readonly type: 'tabCreated'; readonly tab: Tab; readonly info: TabInfo }
  | { readonly type: 'tabUpdated'; readonly tab: Tab; readonly changed: readonly TabProperty[]; readonly info: TabInfo }
  | { readonly type: 'tabActivated'; readonly tabId: number; readonly windowId: number }
  | { readonly type: 'tabHighlighted'; readonly tabIds: readonly number[]; readonly windowId: number }
  | { readonly type: 'tabRemoved'; readonly tabId: number; readonly windowId: number; readonly isWindowClosing: boolean }
  | { readonly type: 'tabReplaced'; readonly addedTabId: number; readonly removedTabId: number }
  | { readonly type: 'tabMoved'; readonly tabId: number; readonly windowId: number; readonly fromIndex: number; readonly toIndex: number }
  | { readonly type: 'tabDetached'; readonly tabId: number; readonly oldWindowId: number; readonly oldPosition: number }
  | { readonly type: 'tabAttached'; readonly tabId: number; readonly newWindowId: number; readonly newPosition: number }
  | { readonly type: 'windowCreated'; readonly window: Window; readonly info: WindowInfo }
  | { readonly type: 'windowRemoved'; readonly windowId: number }
  | { readonly type: 'windowFocusChanged'; readonly windowId: number }
  | { readonly type: 'windowBoundsChanged'; readonly window: Window; readonly info: WindowInfo };
