import { createClock, type Clock, type ClockOption } from './clock.ts';
import { ScriptContext, type BindingsFactory, type ConsoleMessage, type ContextScript } from './context.ts';
import type { Document } from './document.ts';
import { EventRouter } from './event-router.ts';
import { Extension, type ExtensionInit } from './extension.ts';
import type { ContentScriptEntry } from './manifest/content-scripts.ts';
import { MessageService, type ContextGone, type TabTarget } from './message-service.ts';
import type { NativeHostLauncher } from './native-host.ts';
import { Tab, type TabInfo, type TabInit, type TabProperty, type ViewType } from './tab.ts';
import { TaskQueue } from './task-queue.ts';
import { FIRST_WINDOW_BOUNDS, Window, type TabStripEvent, type WindowBounds, type WindowInit, type WindowState } from './window.ts';
import { DEFAULT_CHROME_VERSION, featuresOf, type BehaviourFeatures } from './version.ts';

/** What happens to an extension, as the platform's events (runtime.onInstalled...) need to know. */
export type ExtensionEvent = 'installed' | 'reloaded' | 'disabled' | 'enabled' | 'uninstalled';

/** Injects an extension's content scripts from beyond its manifest into a new document (see addContentScriptProvider). */
export type ContentScriptProvider = (document: Document, extension: Extension, select: (entry: ContentScriptEntry) => boolean) => void;

/** What a page sees of its own lifecycle (see Browser.observeDocumentLifecycle). */
export type DocumentEvent =
  | { readonly type: 'fragment'; readonly from: string }
  | { readonly type: 'pagehide'; readonly persisted: boolean }
  | { readonly type: 'pageshow'; readonly persisted: boolean };

export interface BrowserOptions {
  /** The Chrome milestone whose behaviour to emulate; defaults to the Chromium installed here (156). */
  readonly chromeVersion?: number;
  /** Whether pages enter the back/forward cache when the tab navigates away (Chrome: on). */
  readonly backForwardCache?: boolean;
  /** Every console message any context writes (unchecked lastError, listener errors, …). */
  readonly onConsole?: (context: ScriptContext, message: ConsoleMessage) => void;
  /**
   * Starts native messaging hosts for connectNative and sendNativeMessage. createBrowser() gives
   * one that looks hosts up and runs them as Chrome does (src/native/browser); without one, native
   * messaging fails as on a platform Chrome does not support it on.
   */
  readonly nativeHosts?: NativeHostLauncher;
  /**
   * The browser's time source for alarms and the timers of workers and isolated worlds: real time
   * (default), `'manual'` (moves only with `browser.clock.tick(ms)`, `next()`, `runAll()`), or a Clock.
   */
  readonly clock?: ClockOption;
}

/**
 * One emulated browser: its extensions, tabs and message service. Browsers share nothing;
 * any number can run side by side.
 */
export class Browser {
  readonly chromeVersion: number;
  readonly features: BehaviourFeatures;
  readonly backForwardCache: boolean;
  readonly nativeHosts: NativeHostLauncher | undefined;
  /** Everything timed runs on it: alarms, and the setTimeout/setInterval of workers and isolated worlds. */
  readonly clock: Clock;
  readonly messageService = new MessageService(this);
  /** The events that are not messaging: runtime.onInstalled, action.onClicked, storage.onChanged... */
  readonly events = new EventRouter(this);
  readonly extensions = new Map<string, Extension>();
  readonly tabs = new Map<number, Tab>();
  /** The open windows, in the order they opened. Window and tab ids share one counter, as Chrome's SessionIDs do. */
  readonly windows = new Map<number, Window>();
  /** Popups, side panels and offscreen documents: extension pages outside any tab strip. */
  readonly views = new Set<Tab>();
  #nextSessionId = 1;
  #focusedWindow: Window | undefined;
  #lastFocusedWindow: Window | undefined;
  readonly #tabStripObservers = new Set<(event: TabStripEvent) => void>();
  readonly #tasks = new TaskQueue();
  /** What idle() also waits for: service workers starting before the events that woke them are dispatched. */
  readonly #holds = new Set<Promise<unknown>>();
  readonly #onConsole: BrowserOptions['onConsole'];
  readonly #contextObservers = new Set<(context: ScriptContext) => void>();
  readonly #documentObservers = new Set<(document: Document) => void>();
  readonly #contentScriptProviders = new Set<ContentScriptProvider>();
  readonly #lifecycleObservers = new Set<(document: Document, event: DocumentEvent) => void>();
  readonly #extensionObservers = new Set<(extension: Extension, event: ExtensionEvent) => void>();

  constructor(
    /** Gives each new context its API objects; the `chrome` surfaces live outside the core. */
    readonly bindingsFactory: BindingsFactory,
    options: BrowserOptions = {},
  ) {
    this.chromeVersion = options.chromeVersion ?? DEFAULT_CHROME_VERSION;
    this.features = featuresOf(this.chromeVersion);
    this.backForwardCache = options.backForwardCache ?? true;
    this.#onConsole = options.onConsole;
    this.nativeHosts = options.nativeHosts;
    this.clock = createClock(options.clock);
    const first = new Window(this, this.#nextSessionId++, {}, FIRST_WINDOW_BOUNDS);
    this.windows.set(first.id, first);
    this.#focusedWindow = this.#lastFocusedWindow = first;
  }

  // ----- public model -----

  /** Installs and enables an MV3 extension. Throws ManifestError for a manifest Chrome would refuse. */
  installExtension(init: ExtensionInit): Extension {
    const extension = new Extension(this, init);
    if (this.extensions.has(extension.id)) {
      throw new Error(`An extension with id ${extension.id} is already installed`);
    }
    this.extensions.set(extension.id, extension);
    extension.enable();
    this.extensionEvent(extension, 'installed');
    return extension;
  }

  /**
   * Opens a tab at `url`, with nested frames if given, in the current window (or `window`), and
   * makes it the active tab unless `active: false`.
   */
  openTab(target: string | TabInit, options: Omit<TabInit, 'url'> = {}): Tab {
    const init: TabInit = typeof target === 'string' ? { ...options, url: target } : { ...options, ...target };
    const window = init.window ?? this.currentWindow();
    // A tab the user opens in the foreground inherits the active tab as its opener (TabStripModel's
    // ADD_INHERIT_OPENER; observed in Chromium 156); naming openerTabId, even as undefined, decides it.
    const inherited = 'openerTabId' in init || init.active === false ? init.openerTabId : window.activeTab?.id;
    return new Tab(this, this.#nextSessionId++, { ...init, window, openerTabId: inherited });
  }

  /**
   * Opens an extension page in a view outside the tab strip (a popup over `window`, a side panel, an
   * offscreen document): it is no tab, but its page is one of the extension's contexts.
   */
  openView(url: string, view: ViewType, window: Window = this.currentWindow()): Tab {
    return new Tab(this, this.#nextSessionId++, { url, view, window });
  }

  /** The id of the current window (compatibility: the browser once had one window). */
  get windowId(): number {
    return this.currentWindow().id;
  }

  /** The window that has the focus, if any. */
  get focusedWindow(): Window | undefined {
    return this.#focusedWindow;
  }

  /** The window focused last (windows.getLastFocused), if one is open. */
  get lastFocusedWindow(): Window | undefined {
    return this.#lastFocusedWindow;
  }

  /** The window new tabs open in: the last focused one; a new window if none is open. */
  currentWindow(): Window {
    return this.#lastFocusedWindow ?? this.openWindow({ focused: true });
  }

  getWindow(windowId: number): Window | undefined {
    return this.windows.get(windowId);
  }

  /**
   * Opens a window (windows.create): with a tab for each of `urls` (the first active), or with
   * `tab` moved into it; focused unless `focused: false`.
   */
  openWindow(init: WindowInit & { readonly urls?: readonly (string | TabInit)[]; readonly tab?: Tab; readonly focused?: boolean } = {}): Window {
    const window = new Window(this, this.#nextSessionId++, init);
    this.windows.set(window.id, window);
    this.#lastFocusedWindow ??= window;
    this.notifyTabStrip({ type: 'windowCreated', window, info: window.info() });
    if (init.tab) this.moveTab(init.tab, window, 0);
    else {
      const urls = init.urls && init.urls.length > 0 ? init.urls : ['chrome://newtab/'];
      urls.forEach((url, index) => this.openTab(url, { window, active: index === 0 }));
    }
    if (init.focused !== false) this.focusWindow(window);
    return window;
  }

  /** Gives `window` the focus (windows.onFocusChanged); it becomes the last focused window. */
  focusWindow(window: Window): void {
    if (window.closed || this.#focusedWindow === window) return;
    this.#focusedWindow = this.#lastFocusedWindow = window;
    if (window.state === 'minimized') window.state = 'normal';
    this.notifyTabStrip({ type: 'windowFocusChanged', windowId: window.id });
  }

  /** windows.update's state and bounds: a minimized window loses the focus. */
  updateWindow(window: Window, update: { readonly state?: WindowState; readonly bounds?: Partial<WindowBounds> }): void {
    if (update.state !== undefined) {
      window.state = update.state;
      if (update.state === 'minimized' && this.#focusedWindow === window) {
        this.#focusedWindow = undefined;
        this.notifyTabStrip({ type: 'windowFocusChanged', windowId: -1 });
      }
    }
    if (update.bounds) {
      const before = JSON.stringify(window.bounds);
      Object.assign(window.bounds, update.bounds);
      if (JSON.stringify(window.bounds) !== before) this.notifyTabStrip({ type: 'windowBoundsChanged', window, info: window.info() });
    }
  }

  /** Closes a window and every tab in it (tabs.onRemoved with isWindowClosing, then windows.onRemoved). */
  closeWindow(window: Window): void {
    if (window.closed) return;
    window.markClosed();
    for (const tab of [...window.tabs]) tab.close({ windowClosing: true });
    this.windows.delete(window.id);
    const others = [...this.windows.values()];
    if (this.#lastFocusedWindow === window) this.#lastFocusedWindow = others.at(-1);
    if (this.#focusedWindow === window) this.#focusedWindow = others.at(-1);
    this.notifyTabStrip({ type: 'windowRemoved', windowId: window.id });
  }

  /** Makes `tab` the active tab of its window (tabs.onActivated, then tabs.onHighlighted). */
  activateTab(tab: Tab): void {
    if (tab.closed || tab.active) return;
    const window = tab.window;
    window.setActive(tab);
    tab.lastAccessed = Date.now();
    this.notifyActivated(tab);
  }

  private notifyActivated(tab: Tab): void {
    this.notifyTabStrip({ type: 'tabActivated', tabId: tab.id, windowId: tab.window.id });
    this.notifyTabStrip({ type: 'tabHighlighted', tabIds: [tab.id], windowId: tab.window.id });
  }

  /** Moves `tab` to `index` of its own window's strip (tabs.onMoved); -1, or past the end, puts it last. */
  reorderTab(tab: Tab, index: number): void {
    const strip = tab.window.tabs;
    const from = strip.indexOf(tab);
    const to = index < 0 || index >= strip.length ? strip.length - 1 : index;
    if (from < 0 || from === to) return;
    strip.splice(from, 1);
    strip.splice(to, 0, tab);
    this.notifyTabStrip({ type: 'tabMoved', tabId: tab.id, windowId: tab.window.id, fromIndex: from, toIndex: to });
  }

  /** Moves `tab` into `window` at `index` (tabs.onDetached, tabs.onAttached); it is active there. */
  moveTab(tab: Tab, window: Window, index: number): void {
    const from = tab.window;
    if (from === window) return;
    const wasActive = tab.active;
    const oldPosition = from.detach(tab);
    this.notifyTabStrip({ type: 'tabDetached', tabId: tab.id, oldWindowId: from.id, oldPosition });
    if (wasActive) this.activateSuccessor(from, oldPosition);
    tab.window = window;
    const newPosition = window.insert(tab, index);
    this.notifyTabStrip({ type: 'tabAttached', tabId: tab.id, newWindowId: window.id, newPosition });
    this.activateTab(tab);
    if (from.tabs.length === 0) this.closeWindow(from);
  }

  /**
   * Calls `observer` for every change to the windows and their tab strips: tabs created, updated,
   * activated, removed; windows created, focused, removed. The platform raises chrome.tabs and
   * chrome.windows events from it. Returns a function that stops the observation.
   */
  observeTabStrip(observer: (event: TabStripEvent) => void): () => void {
    this.#tabStripObservers.add(observer);
    return () => this.#tabStripObservers.delete(observer);
  }

  getTab(tabId: number): Tab | undefined {
    return this.tabs.get(tabId);
  }

  /** Resolves when no message, response or disconnect is still on its way. */
  async idle(): Promise<void> {
    do {
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (this.#tasks.size > 0 || this.#holds.size > 0);
  }

  /** Keeps idle() waiting until `work` settles (a service worker starting for an event). */
  holdIdle(work: Promise<unknown>): void {
    const held = work.finally(() => this.#holds.delete(held));
    this.#holds.add(held);
  }

  /** Closes every tab and unloads every extension. */
  close(): void {
    for (const tab of [...this.tabs.values(), ...this.views]) tab.close();
    for (const extension of [...this.extensions.values()]) extension.uninstall();
  }

  // ----- the browser's task queue: everything that crosses between contexts goes through it -----

  post(task: () => void): void {
    this.#tasks.post(task);
  }

  /**
   * Calls `observer` for every context created from now on, before any code runs in it or its
   * `chrome` object exists: the place to give a context its own realm (setContextRealm).
   * Returns a function that stops the observation.
   */
  observeContexts(observer: (context: ScriptContext) => void): () => void {
    this.#contextObservers.add(observer);
    return () => this.#contextObservers.delete(observer);
  }

  /**
   * Calls `observer` for every document created from now on, once the browser has created its
   * contexts and injected content scripts: the place to run a page's own scripts.
   * Returns a function that stops the observation.
   */
  observeDocuments(observer: (document: Document) => void): () => void {
    this.#documentObservers.add(observer);
    return () => this.#documentObservers.delete(observer);
  }

  /**
   * Calls `observer` when a document's page sees a lifecycle event of its own: a same-document
   * (fragment) navigation, pagehide before it unloads or enters the back/forward cache, pageshow
   * when it is restored. The DOM layer turns them into hashchange, pagehide and pageshow events.
   */
  observeDocumentLifecycle(observer: (document: Document, event: DocumentEvent) => void): () => void {
    this.#lifecycleObservers.add(observer);
    return () => this.#lifecycleObservers.delete(observer);
  }

  /**
   * Calls `observer` when an extension is installed (once enabled and its worker started), reloaded,
   * disabled, enabled again or uninstalled. Returns a function that stops the observation.
   */
  observeExtensions(observer: (extension: Extension, event: ExtensionEvent) => void): () => void {
    this.#extensionObservers.add(observer);
    return () => this.#extensionObservers.delete(observer);
  }

  // ----- hooks for the model's own classes -----

  extensionEvent(extension: Extension, event: ExtensionEvent): void {
    for (const observer of this.#extensionObservers) observer(extension, event);
  }

  documentEvent(document: Document, event: DocumentEvent): void {
    for (const observer of this.#lifecycleObservers) observer(document, event);
  }

  contextCreated(context: ScriptContext): void {
    for (const observer of this.#contextObservers) observer(context);
  }

  reportConsole(context: ScriptContext, message: ConsoleMessage): void {
    this.#onConsole?.(context, message);
  }

  tabIndex(tab: Tab): number {
    return tab.index;
  }

  notifyTabStrip(event: TabStripEvent): void {
    for (const observer of this.#tabStripObservers) observer(event);
  }

  /** A tab was created with its navigation pending; it becomes active if asked (or if its window has none). */
  /** A view outside the tab strip opened: no tab events, no tab id anyone sees. */
  viewCreated(view: Tab): TabInfo {
    this.views.add(view);
    return view.info();
  }

  viewClosed(view: Tab): void {
    this.views.delete(view);
  }

  tabCreated(tab: Tab, activate: boolean): TabInfo {
    this.tabs.set(tab.id, tab);
    // onCreated already reports the tab active; onActivated and onHighlighted follow it (observed in Chromium 156).
    const activated = (activate || !tab.window.activeTab) && !tab.active;
    if (activated) {
      tab.window.setActive(tab);
      tab.lastAccessed = Date.now();
    }
    const info = tab.info();
    this.notifyTabStrip({ type: 'tabCreated', tab, info });
    if (activated) this.notifyActivated(tab);
    return info;
  }

  tabUpdated(tab: Tab, changed: readonly TabProperty[]): void {
    if (tab.view) return;
    this.notifyTabStrip({ type: 'tabUpdated', tab, changed, info: tab.info() });
  }

  /**
   * A tab closed: it leaves its window's strip (tabs.onRemoved); the next tab becomes active if it
   * was; a window left without tabs closes, unless it is the browser's only window.
   */
  tabClosed(tab: Tab, windowClosing = false): void {
    this.tabs.delete(tab.id);
    const window = tab.window;
    const wasActive = tab.active;
    const index = window.detach(tab);
    this.notifyTabStrip({ type: 'tabRemoved', tabId: tab.id, windowId: window.id, isWindowClosing: windowClosing });
    if (windowClosing) return;
    if (window.tabs.length === 0) {
      if (this.windows.size > 1) this.closeWindow(window);
    } else if (wasActive) this.activateSuccessor(window, index);
  }

  private activateSuccessor(window: Window, index: number): void {
    const next = window.successorAt(index);
    if (next) this.activateTab(next);
  }

  /** ChromeMessagingDelegate::CreateReceiverForTab: the documents a tabs.* channel reaches. */
  resolveTabTarget(target: TabTarget): Document[] | undefined {
    const tab = this.tabs.get(target.tabId);
    if (!tab) return undefined;
    const documents = [...tab.mainFrame.document.subtree()];
    let chosen = documents;
    if (target.documentId !== undefined) chosen = chosen.filter((d) => d.documentId === target.documentId);
    if (target.frameId !== undefined) chosen = chosen.filter((d) => d.frame.frameId === target.frameId);
    return chosen.length > 0 ? chosen : undefined;
  }

  documentCreated(document: Document): void {
    const pageOf = document.extension;
    if (pageOf) {
      const context = document.mainWorld;
      pageOf.pageContexts.add(context);
      const script = pageOf.scripts[new URL(document.url).pathname.slice(1)];
      if (script) context.run(script);
    }
    // document_start scripts run before the page's own scripts; document_end and document_idle after them.
    this.injectMatchingContentScripts(document, (entry) => entry.runAt === 'document_start');
    for (const observer of this.#documentObservers) observer(document);
    this.injectMatchingContentScripts(document, (entry) => entry.runAt !== 'document_start');
  }

  /** Injects every enabled extension's content_scripts entries that match the document and `select`. */
  private injectMatchingContentScripts(document: Document, select: (entry: ContentScriptEntry) => boolean): void {
    for (const extension of this.extensions.values()) {
      if (!extension.enabled) continue;
      const entries = extension.parsed.contentScripts.filter(
        (entry) => select(entry) && entry.matchesFrame({ url: document.url, isMainFrame: document.frame.isMainFrame }),
      );
      if (entries.length > 0) {
        const files = entries.flatMap((entry) => entry.js);
        this.injectContentScript(
          document,
          extension,
          files.flatMap((file) => (extension.scripts[file] ? [extension.scripts[file]] : [])),
        );
      }
      // Then the extension's scripts from elsewhere (scripting.registerContentScripts), as Chrome runs
      // its static scripts before its dynamic ones.
      for (const provider of this.#contentScriptProviders) provider(document, extension, select);
    }
  }

  /**
   * Adds content scripts beyond the manifest's (scripting.registerContentScripts): for each new
   * document and each enabled extension, after its manifest entries, `provider` injects what it has
   * that matches the document and `select`. Returns a function that removes it.
   */
  addContentScriptProvider(provider: ContentScriptProvider): () => void {
    this.#contentScriptProviders.add(provider);
    return () => this.#contentScriptProviders.delete(provider);
  }

  /** Creates (once) the extension's isolated world in `document` and runs `scripts` in it. */
  injectContentScript(document: Document, extension: Extension, scripts: readonly ContextScript[]): ScriptContext {
    if (!extension.enabled) throw new Error(`Extension ${extension.id} is not enabled: cannot inject content scripts`);
    const world = document.isolatedWorld(extension, true)!;
    for (const script of scripts) world.run(script);
    return world;
  }

  /** A document stops being the frame's current one: it unloads, or enters the back/forward cache. */
  documentLeaving(document: Document, how: 'unload' | 'bfcache'): void {
    for (const doc of document.subtree()) this.documentEvent(doc, { type: 'pagehide', persisted: how === 'bfcache' });
    for (const doc of document.subtree()) {
      if (how === 'bfcache') {
        doc.lifecycle = 'cached';
        for (const context of doc.contexts()) {
          doc.extension?.pageContexts.delete(context);
          if (this.features.bfcacheClosesPorts) this.messageService.contextGone(context, 'bfcache');
        }
      } else {
        doc.lifecycle = 'pending_deletion';
        for (const child of doc.childFrames) child.markDetached();
        for (const context of [...doc.contexts(), ...doc.orphanedWorlds()]) this.destroyContext(context);
      }
    }
  }

  documentRestored(document: Document): void {
    for (const doc of document.subtree()) {
      doc.lifecycle = 'active';
      const extension = doc.extension;
      if (extension) for (const context of doc.contexts()) if (context.type === 'extension_page') extension.pageContexts.add(context);
    }
    for (const doc of document.subtree()) this.documentEvent(doc, { type: 'pageshow', persisted: true });
  }

  documentEvicted(document: Document): void {
    this.documentLeaving(document, 'unload');
  }

  /** The context is gone for good: its extension context is invalidated and its code stops. */
  destroyContext(context: ScriptContext, reason: ContextGone = 'unload'): void {
    this.invalidateContext(context, reason);
    context.dispose();
  }

  /** The context's extension context is invalidated; its code may still run (an orphaned content script). */
  invalidateContext(context: ScriptContext, reason: ContextGone = 'unload'): void {
    context.extension?.pageContexts.delete(context);
    context.invalidate();
    this.messageService.contextGone(context, reason);
  }

  /** The extension unloaded: its pages close, and its content scripts are orphaned. */
  extensionUnloaded(extension: Extension): void {
    for (const context of [...extension.pageContexts]) {
      const tab = context.tab;
      if (tab && context.frame?.isMainFrame) tab.close();
      else this.destroyContext(context);
    }
  }

  /**
   * The extension's content scripts are orphaned: they stop being its receivers at once, but are
   * invalidated only after the disconnects already on their way reach them, as in Chrome (a
   * content script's port hears onDisconnect while its context is still valid; observed in
   * Chromium 156).
   */
  orphanContentScripts(extension: Extension): void {
    const worlds: ScriptContext[] = [];
    for (const tab of this.tabs.values()) {
      for (const document of tab.mainFrame.document.subtree()) {
        const world = document.orphanIsolatedWorld(extension.id);
        if (world) worlds.push(world);
      }
    }
    if (worlds.length > 0) this.post(() => worlds.forEach((world) => this.invalidateContext(world)));
  }

  /**
   * Every live context of `extension`: its service worker, its pages (in the order they opened),
   * and with `contentScripts` its isolated worlds in every frame of every tab.
   */
  contextsOf(extension: Extension, contentScripts = false): ScriptContext[] {
    const contexts: ScriptContext[] = [];
    const worker = extension.serviceWorker;
    if (worker) contexts.push(worker);
    contexts.push(...extension.pageContexts);
    if (contentScripts) {
      for (const tab of this.tabs.values()) {
        for (const document of tab.mainFrame.document.subtree()) {
          const world = document.isolatedWorld(extension);
          if (world?.valid && document.lifecycle === 'active') contexts.push(world);
        }
      }
    }
    return contexts;
  }

  /** IsRuntimeAvailableToContext: a web page gets chrome.runtime if some extension lets it connect. */
  isWebPageConnectable(url: string): boolean {
    for (const extension of this.extensions.values()) {
      if (extension.enabled && extension.parsed.externallyConnectable.allowsUrl(url)) return true;
    }
    return false;
  }

  extensionUninstalled(extension: Extension): void {
    this.extensions.delete(extension.id);
  }
}

export { ScriptContext };
