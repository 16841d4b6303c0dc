import type { Browser } from './browser.ts';
import type { Document } from './document.ts';
import { Frame, type FrameInit } from './frame.ts';
import { isSameDocumentNavigation } from './url.ts';
import type { Window } from './window.ts';

/** tabs.Tab as Chrome hands it out in MessageSender.tab (unscrubbed). */
export interface TabInfo {
  active: boolean;
  audible: boolean;
  autoDiscardable: boolean;
  discarded: boolean;
  favIconUrl?: string;
  frozen: boolean;
  groupId: number;
  height: number;
  highlighted: boolean;
  id: number;
  incognito: boolean;
  index: number;
  lastAccessed: number;
  mutedInfo: { muted: boolean };
  /** Only for a tab opened from another one that is still open. */
  openerTabId?: number;
  /** Only while a navigation is on its way and has not committed. */
  pendingUrl?: string;
  pinned: boolean;
  selected: boolean;
  /** Chrome 140+: the split view the tab is in, -1 for none. */
  splitViewId: number;
  status: 'loading' | 'complete' | 'unloaded';
  title: string;
  url: string;
  width: number;
  windowId: number;
}

/**
 * A view outside the tab strip that hosts an extension page (Chromium's ExtensionHost kinds): it has
 * a window it belongs to, but no tab id a messaging sender or tabs.query could see.
 */
export type ViewType = 'popup' | 'side_panel' | 'offscreen_document';

export interface TabInit extends FrameInit {
  /** Opens a view outside the tab strip instead of a tab. */
  readonly view?: ViewType;
  readonly title?: string;
  readonly active?: boolean;
  /** The window to open the tab in; by default the browser's current window. */
  readonly window?: Window;
  /** Where in the window's tab strip; by default at the end. */
  readonly index?: number;
  readonly openerTabId?: number;
}

/** A tabs.Tab property whose change tabs.onUpdated reports. */
export type TabProperty = 'status' | 'url' | 'title';

interface HistoryEntry {
  url: string;
  title?: string;
  /** The document kept in the back/forward cache, if it was cached when the tab left it. */
  cached?: Document;
}

/** Chromium's default back/forward cache size (kBackForwardCacheSize). */
const BACK_FORWARD_CACHE_SIZE = 6;

/** A tab: a main frame, a session history, and the back/forward cache of its pages. */
export class Tab {
  readonly mainFrame: Frame;
  /** tabs.Tab as it was when the tab was created, its navigation pending (what tabs.create answers). */
  readonly createdInfo: TabInfo;
  /** Set for a popup, side panel or offscreen document: not a tab of the tab strip. */
  readonly view: ViewType | undefined;
  /** The window whose tab strip holds the tab (it changes when the tab moves to another window). */
  window: Window;
  highlighted = false;
  status: 'loading' | 'complete' = 'loading';
  openerTabId: number | undefined;
  lastAccessed = Date.now();
  /** What made the main frame's latest navigation: webNavigation's transition types follow from it. */
  navigationCause: 'open' | 'navigate' | 'reload' | 'traverse' = 'open';
  #title: string | undefined;
  #closed = false;
  #committed = false;
  #pendingUrl: string | undefined;
  readonly #initialUrl: string;
  readonly #history: HistoryEntry[] = [];
  #historyIndex = 0;

  /**
   * Opens the tab as Chrome does: it is created with its navigation pending (tabs.onCreated), made
   * active if asked, and then its first document commits (tabs.onUpdated: loading, then complete).
   */
  constructor(
    readonly browser: Browser,
    readonly id: number,
    init: TabInit & { readonly window: Window },
  ) {
    this.window = init.window;
    this.view = init.view;
    this.#title = init.title;
    this.openerTabId = init.openerTabId;
    this.#initialUrl = init.url;
    this.#pendingUrl = init.url;
    if (this.view) {
      this.createdInfo = browser.viewCreated(this);
    } else {
      this.window.insert(this, init.index);
      this.createdInfo = browser.tabCreated(this, init.active !== false);
    }
    this.#pendingUrl = undefined;
    this.#committed = true;
    this.mainFrame = new Frame(this, undefined, init);
    this.#history.push({ url: init.url });
    this.committed(['status', 'url']);
  }

  get windowId(): number {
    return this.window.id;
  }

  get active(): boolean {
    return this.window.activeTab === this;
  }

  get index(): number {
    return this.window.indexOf(this);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get url(): string {
    return (this.mainFrame as Frame | undefined)?.url ?? this.#initialUrl;
  }

  /** The page's title as the tab shows it: its <title>, else (undefined) its URL without the scheme. */
  get title(): string | undefined {
    return this.#title;
  }

  /** Setting the page's title reports the change (tabs.onUpdated {title}) if the tab's title changes. */
  set title(title: string | undefined) {
    const before = this.shownTitle();
    this.#title = title;
    if (this.#committed && !this.#closed && this.shownTitle() !== before) this.browser.tabUpdated(this, ['title']);
  }

  /** Whether the tab's session history has an entry `offset` steps away (-1: back, 1: forward). */
  canTraverse(offset: number): boolean {
    return this.#history[this.#historyIndex + offset] !== undefined;
  }

  /** A navigation towards `url` has started and not committed yet: the tab reports it as pendingUrl. */
  startNavigation(url: string): void {
    this.#pendingUrl = url;
    this.status = 'loading';
  }

  /** Every live frame of the tab, the main frame first, then depth first. */
  frames(): Frame[] {
    const frames: Frame[] = [];
    for (const document of this.mainFrame.document.subtree()) frames.push(document.frame);
    return frames;
  }

  frame(frameId: number): Frame | undefined {
    return this.frames().find((frame) => frame.frameId === frameId);
  }

  /** Navigates the main frame, as a link or location change would. */
  navigate(target: string | FrameInit, options: { backForwardCache?: boolean } = {}): void {
    this.assertOpen('navigate');
    this.navigationCause = 'navigate';
    this.#pendingUrl = undefined;
    const init = typeof target === 'string' ? { url: target } : target;
    if (!init.frames && isSameDocumentNavigation(this.url, init.url)) {
      this.mainFrame.document.setUrlInDocument(init.url);
      this.#history[this.#historyIndex]!.url = init.url;
      this.browser.tabUpdated(this, ['url']);
      return;
    }
    const from = this.url;
    this.#history[this.#historyIndex]!.title = this.#title;
    this.#title = undefined;
    const blocked = [...this.mainFrame.document.subtree()].some((document) => document.blocksBackForwardCache);
    const useCache = (options.backForwardCache ?? this.browser.backForwardCache) && !blocked;
    const old = this.mainFrame.commit(init, useCache ? 'bfcache' : 'unload');
    this.#history[this.#historyIndex]!.cached = useCache ? old : undefined;
    for (const dropped of this.#history.splice(this.#historyIndex + 1)) this.evict(dropped);
    this.#history.push({ url: init.url });
    this.#historyIndex++;
    this.trimCache();
    this.committed(from === init.url ? ['status'] : ['status', 'url']);
  }

  /** Reloads the main frame: a new document at the same URL, never from the cache. */
  reload(): void {
    this.assertOpen('reload');
    this.navigationCause = 'reload';
    this.#pendingUrl = undefined;
    this.mainFrame.commit({ url: this.url }, 'unload');
    this.committed(['status']);
  }

  goBack(): void {
    this.traverse(-1);
  }

  goForward(): void {
    this.traverse(1);
  }

  private traverse(offset: number): void {
    this.assertOpen(offset < 0 ? 'goBack' : 'goForward');
    this.navigationCause = 'traverse';
    const target = this.#history[this.#historyIndex + offset];
    if (!target) throw new Error(`Tab ${this.id} has no history entry to go ${offset < 0 ? 'back' : 'forward'} to`);
    const current = this.#history[this.#historyIndex]!;
    const from = this.url;
    current.title = this.#title;
    this.#title = target.title;
    this.#pendingUrl = undefined;
    const cached = target.cached;
    target.cached = undefined;
    const previous = this.browser.backForwardCache ? 'bfcache' : 'unload';
    const old = cached
      ? this.mainFrame.restore(cached, previous)
      : this.mainFrame.commit({ url: target.url }, previous);
    current.cached = previous === 'bfcache' ? old : undefined;
    this.#historyIndex += offset;
    this.trimCache();
    this.committed(from === target.url ? ['status'] : ['status', 'url']);
  }

  /** Closes the tab: every document unloads, cached ones included. */
  close(options: { windowClosing?: boolean } = {}): void {
    if (this.#closed) return;
    this.#closed = true;
    this.mainFrame.detach();
    for (const entry of this.#history) this.evict(entry);
    if (this.view) this.browser.viewClosed(this);
    else this.browser.tabClosed(this, options.windowClosing === true);
  }

  /** tabs.Tab as Chrome reports it now (unscrubbed). */
  info(): TabInfo {
    const url = this.#committed ? this.url : '';
    const opener = this.openerTabId;
    return {
      active: this.active,
      audible: false,
      autoDiscardable: true,
      discarded: false,
      // An extension page's tab reports an empty favicon; a web page without one has no such key (Chromium 156).
      ...(url.startsWith('chrome-extension://') ? { favIconUrl: '' } : {}),
      frozen: false,
      groupId: -1,
      height: 600,
      highlighted: this.highlighted,
      id: this.id,
      incognito: false,
      index: this.index,
      lastAccessed: this.lastAccessed,
      mutedInfo: { muted: false },
      // The opener is named only while it is open (observed in Chromium 156).
      ...(opener !== undefined && this.browser.tabs.has(opener) ? { openerTabId: opener } : {}),
      ...(this.#pendingUrl !== undefined ? { pendingUrl: this.#pendingUrl } : {}),
      pinned: false,
      selected: this.highlighted,
      splitViewId: -1,
      status: this.status,
      title: this.shownTitle(),
      url,
      width: 800,
      windowId: this.windowId,
    };
  }

  /** The title the tab shows: '' before its first commit, then the page's title or its URL. */
  private shownTitle(): string {
    if (!this.#committed) return '';
    return this.#title ?? defaultTitle(this.url);
  }

  /** A document committed in the main frame: the tab is loading, and completes in a later task. */
  private committed(changed: readonly TabProperty[]): void {
    this.status = 'loading';
    this.browser.tabUpdated(this, changed);
    const document = this.mainFrame.document;
    this.browser.post(() => {
      if (this.#closed || this.mainFrame.document !== document || this.status === 'complete') return;
      this.status = 'complete';
      this.browser.tabUpdated(this, ['status']);
    });
  }

  private evict(entry: HistoryEntry): void {
    if (entry.cached) this.browser.documentEvicted(entry.cached);
    entry.cached = undefined;
  }

  private trimCache(): void {
    const cachedEntries = this.#history.filter((entry) => entry.cached);
    for (const entry of cachedEntries.slice(0, Math.max(0, cachedEntries.length - BACK_FORWARD_CACHE_SIZE))) {
      this.evict(entry);
    }
  }

  private assertOpen(method: string): void {
    if (this.#closed) throw new Error(`Tab ${this.id} is closed: cannot ${method}`);
  }
}

/**
 * With no <title>, Chrome titles a tab with its URL minus the scheme; an extension page keeps its
 * whole URL (observed in Chromium 156).
 */
function defaultTitle(url: string): string {
  if (url.startsWith('chrome-extension://')) return url;
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}
