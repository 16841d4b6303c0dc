import type { Browser } from './browser.ts';
import type { Document } from './document.ts';
import { Frame, type FrameInit } from './frame.ts';
import { isSameDocumentNavigation } from './url.ts';

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

export interface TabInit extends FrameInit {
  readonly title?: string;
  readonly active?: boolean;
}

interface HistoryEntry {
  url: string;
  /** The document kept in the back/forward cache, if it was cached when the tab left it. */
  cached?: Document;
}

/** Chromium's default back/forward cache size (kBackForwardCacheSize). */
const BACK_FORWARD_CACHE_SIZE = 6;

/** A tab: a main frame, a session history, and the back/forward cache of its pages. */
export class Tab {
  readonly mainFrame: Frame;
  readonly windowId: number;
  title: string | undefined;
  active = true;
  lastAccessed = Date.now();
  #closed = false;
  readonly #history: HistoryEntry[] = [];
  #historyIndex = 0;

  constructor(
    readonly browser: Browser,
    readonly id: number,
    init: TabInit,
  ) {
    this.windowId = browser.windowId;
    this.title = init.title;
    this.mainFrame = new Frame(this, undefined, init);
    this.#history.push({ url: init.url });
  }

  get closed(): boolean {
    return this.#closed;
  }

  get url(): string {
    return this.mainFrame.url;
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
    const init = typeof target === 'string' ? { url: target } : target;
    if (!init.frames && isSameDocumentNavigation(this.url, init.url)) {
      this.mainFrame.document.setUrlInDocument(init.url);
      this.#history[this.#historyIndex]!.url = init.url;
      return;
    }
    const blocked = [...this.mainFrame.document.subtree()].some((document) => document.blocksBackForwardCache);
    const useCache = (options.backForwardCache ?? this.browser.backForwardCache) && !blocked;
    const old = this.mainFrame.commit(init, useCache ? 'bfcache' : 'unload');
    this.#history[this.#historyIndex]!.cached = useCache ? old : undefined;
    for (const dropped of this.#history.splice(this.#historyIndex + 1)) this.evict(dropped);
    this.#history.push({ url: init.url });
    this.#historyIndex++;
    this.trimCache();
  }

  /** Reloads the main frame: a new document at the same URL, never from the cache. */
  reload(): void {
    this.assertOpen('reload');
    this.mainFrame.commit({ url: this.url }, 'unload');
  }

  goBack(): void {
    this.traverse(-1);
  }

  goForward(): void {
    this.traverse(1);
  }

  private traverse(offset: number): void {
    this.assertOpen(offset < 0 ? 'goBack' : 'goForward');
    const target = this.#history[this.#historyIndex + offset];
    if (!target) throw new Error(`Tab ${this.id} has no history entry to go ${offset < 0 ? 'back' : 'forward'} to`);
    const current = this.#history[this.#historyIndex]!;
    const cached = target.cached;
    target.cached = undefined;
    const previous = this.browser.backForwardCache ? 'bfcache' : 'unload';
    const old = cached
      ? this.mainFrame.restore(cached, previous)
      : this.mainFrame.commit({ url: target.url }, previous);
    current.cached = previous === 'bfcache' ? old : undefined;
    this.#historyIndex += offset;
    this.trimCache();
  }

  /** Closes the tab: every document unloads, cached ones included. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.mainFrame.detach();
    for (const entry of this.#history) this.evict(entry);
    this.browser.tabClosed(this);
  }

  /** tabs.Tab as Chrome reports it now. */
  info(): TabInfo {
    const index = this.browser.tabIndex(this);
    return {
      active: this.active,
      audible: false,
      autoDiscardable: true,
      discarded: false,
      // An extension page's tab reports an empty favicon; a web page without one has no such key (Chromium 156).
      ...(this.url.startsWith('chrome-extension://') ? { favIconUrl: '' } : {}),
      frozen: false,
      groupId: -1,
      height: 600,
      highlighted: this.active,
      id: this.id,
      incognito: false,
      index,
      lastAccessed: this.lastAccessed,
      mutedInfo: { muted: false },
      pinned: false,
      selected: this.active,
      splitViewId: -1,
      status: 'complete',
      title: this.title ?? defaultTitle(this.url),
      url: this.url,
      width: 800,
      windowId: this.windowId,
    };
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

/** With no <title>, Chrome titles a tab with its URL minus the scheme. */
function defaultTitle(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}
