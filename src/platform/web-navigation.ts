/**
 * The browser side of chrome.webNavigation (chrome/browser/extensions/api/web_navigation/): the
 * navigation events of every frame in every tab, raised from the browser model, and the frames
 * getFrame and getAllFrames describe. Details carry Chrome's keys in Chrome's (alphabetical) order.
 *
 * A document loads as Chromium 156 was seen loading a page with an iframe: onBeforeNavigate when
 * the navigation starts, then (after tabs.onUpdated's loading) onCommitted, the subframes'
 * onBeforeNavigate, onDOMContentLoaded, each subframe's own load, and onCompleted last (before
 * tabs.onUpdated's complete). A page restored from the back/forward cache has no onDOMContentLoaded.
 */
import type { Browser } from '../core/browser.ts';
import type { Document } from '../core/document.ts';
import type { Extension } from '../core/extension.ts';
import type { Frame } from '../core/frame.ts';
import type { Tab } from '../core/tab.ts';

/** webNavigation.TransitionType. */
export const TRANSITION_TYPE = {
  AUTO_BOOKMARK: 'auto_bookmark',
  AUTO_SUBFRAME: 'auto_subframe',
  FORM_SUBMIT: 'form_submit',
  GENERATED: 'generated',
  KEYWORD: 'keyword',
  KEYWORD_GENERATED: 'keyword_generated',
  LINK: 'link',
  MANUAL_SUBFRAME: 'manual_subframe',
  RELOAD: 'reload',
  START_PAGE: 'start_page',
  TYPED: 'typed',
} as const;

/** webNavigation.TransitionQualifier. */
export const TRANSITION_QUALIFIER = {
  CLIENT_REDIRECT: 'client_redirect',
  FORWARD_BACK: 'forward_back',
  FROM_ADDRESS_BAR: 'from_address_bar',
  SERVER_REDIRECT: 'server_redirect',
} as const;

type TransitionType = (typeof TRANSITION_TYPE)[keyof typeof TRANSITION_TYPE];
type TransitionQualifier = (typeof TRANSITION_QUALIFIER)[keyof typeof TRANSITION_QUALIFIER];

interface Transition {
  readonly type: TransitionType;
  readonly qualifiers: readonly TransitionQualifier[];
}

/** webNavigation.getFrame's answer (GetFrameFunction::Run). */
export interface FrameDetails {
  documentId: string;
  documentLifecycle: string;
  errorOccurred: boolean;
  frameType: 'outermost_frame' | 'sub_frame';
  parentDocumentId?: string;
  parentFrameId: number;
  url: string;
}

/** One of getAllFrames' answers: with the frame's id and its process. */
export interface FrameInfo {
  documentId: string;
  documentLifecycle: string;
  errorOccurred: boolean;
  frameId: number;
  frameType: 'outermost_frame' | 'sub_frame';
  parentDocumentId?: string;
  parentFrameId: number;
  processId: number;
  url: string;
}

interface Load {
  readonly document: Document;
  /** Restored from the back/forward cache: it was parsed long ago, so no onDOMContentLoaded. */
  readonly restored: boolean;
}

interface State {
  /** Each tab's main-frame document that committed and has not completed: its subframes load with it. */
  readonly loading: WeakMap<Tab, Load>;
  /** The transition each main-frame document committed with (a restored page keeps its entry's). */
  readonly transitions: WeakMap<Document, Transition>;
  /** Renderer process ids, one per site, as Chrome's site isolation gives them. */
  readonly processes: Map<string, number>;
}

const states = new WeakMap<Browser, State>();

/** Makes `browser` raise the webNavigation events; once per browser. */
export function attachWebNavigation(browser: Browser): void {
  if (states.has(browser)) return;
  const state: State = { loading: new WeakMap(), transitions: new WeakMap(), processes: new Map() };
  states.set(browser, state);
  const raiser = new Raiser(browser, state);
  // Nothing to follow while no extension may listen (the details are built eagerly).
  const anyListener = (): boolean => [...browser.extensions.values()].some(mayListen);
  browser.observeDocuments((document) => {
    if (anyListener()) raiser.documentCreated(document);
  });
  browser.observeDocumentLifecycle((document, event) => {
    if (!anyListener()) return;
    if (event.type === 'fragment') raiser.fragmentNavigated(document);
    else if (event.type === 'pageshow' && event.persisted && document.frame.isMainFrame) raiser.restored(document);
  });
  // Observed before the tabs events are (attached later, with chrome.tabs): a tab's page completes
  // before tabs.onUpdated reports it complete.
  browser.observeTabStrip((event) => {
    if (!anyListener()) return;
    if (event.type === 'tabUpdated' && event.changed.includes('status') && event.info.status === 'complete') raiser.tabCompleted(event.tab);
    if (event.type === 'tabReplaced') {
      raiser.raiseAll('onTabReplaced', { replacedTabId: event.removedTabId, tabId: event.addedTabId, timeStamp: Date.now() });
    }
  });
}

const AUTO_SUBFRAME: Transition = { type: TRANSITION_TYPE.AUTO_SUBFRAME, qualifiers: [] };

class Raiser {
  constructor(
    private readonly browser: Browser,
    private readonly state: State,
  ) {}

  documentCreated(document: Document): void {
    const frame = document.frame;
    const tab = frame.tab;
    if (tab.view) return;
    if (frame.isMainFrame) {
      const transition = mainFrameTransition(tab);
      this.state.transitions.set(document, transition);
      this.start(tab, { document, restored: false }, transition);
      return;
    }
    // A subframe of a page still loading loads with it; one added later loads on its own.
    if (this.state.loading.get(tab)?.document === rootOf(frame).document) return;
    this.raise(document, 'onBeforeNavigate', this.beforeNavigate(document));
    this.browser.post(() => {
      if (current(document)) this.loadSubframe(document);
    });
  }

  /** A main-frame page came back from the back/forward cache: it commits and completes again. */
  restored(document: Document): void {
    const tab = document.frame.tab;
    if (tab.view) return;
    const kept = this.state.transitions.get(document)?.type ?? TRANSITION_TYPE.TYPED;
    this.start(tab, { document, restored: true }, { type: kept, qualifiers: [TRANSITION_QUALIFIER.FORWARD_BACK] });
  }

  /**
   * The main frame's navigation starts (onBeforeNavigate), and commits in a task of its own, so
   * that tabs.onUpdated's loading comes first; the rest waits for the tab to complete.
   */
  private start(tab: Tab, load: Load, transition: Transition): void {
    const { document } = load;
    this.state.loading.set(tab, load);
    this.raise(document, 'onBeforeNavigate', this.beforeNavigate(document));
    this.browser.post(() => {
      if (current(document)) this.raise(document, 'onCommitted', this.withTransition(document, transition));
    });
  }

  /** The tab completes: its page's subframes start, it parses, each subframe loads, and it completes. */
  tabCompleted(tab: Tab): void {
    const load = this.state.loading.get(tab);
    this.state.loading.delete(tab);
    if (!load || !current(load.document)) return;
    const { document } = load;
    if (!load.restored) {
      const children = document.childFrames.map((child) => child.document);
      for (const child of children) this.raise(child, 'onBeforeNavigate', this.beforeNavigate(child));
      this.raise(document, 'onDOMContentLoaded', this.documentDetails(document));
      for (const child of children) if (current(child)) this.loadSubframe(child);
    }
    this.raise(document, 'onCompleted', this.documentDetails(document));
  }

  /** A subframe's document commits, its own subframes start, it parses, they load, it completes. */
  private loadSubframe(document: Document): void {
    this.raise(document, 'onCommitted', this.withTransition(document, AUTO_SUBFRAME));
    const children = document.childFrames.map((child) => child.document);
    for (const child of children) this.raise(child, 'onBeforeNavigate', this.beforeNavigate(child));
    this.raise(document, 'onDOMContentLoaded', this.documentDetails(document));
    for (const child of children) if (current(child)) this.loadSubframe(child);
    this.raise(document, 'onCompleted', this.documentDetails(document));
  }

  /** A same-document navigation to a fragment: after tabs.onUpdated, as in Chromium 156. */
  fragmentNavigated(document: Document): void {
    const frame = document.frame;
    if (frame.tab.view) return;
    const transition: Transition = frame.isMainFrame
      ? { type: TRANSITION_TYPE.TYPED, qualifiers: [] }
      : { type: TRANSITION_TYPE.MANUAL_SUBFRAME, qualifiers: [] };
    const details = this.withTransition(document, transition);
    this.browser.post(() => this.raise(document, 'onReferenceFragmentUpdated', details));
  }

  /** Raises the event in every enabled extension that may use webNavigation. */
  raiseAll(event: string, details: object): void {
    for (const extension of this.browser.extensions.values()) {
      if (!mayListen(extension)) continue;
      this.browser.events.dispatchToExtension(extension, `webNavigation.${event}`, [details]);
    }
  }

  private raise(document: Document, event: string, details: object): void {
    if (document.frame.tab.closed) return;
    this.raiseAll(event, details);
  }

  private beforeNavigate(document: Document): object {
    const frame = document.frame;
    return {
      documentLifecycle: 'active',
      frameId: frame.frameId,
      frameType: frameType(frame),
      ...parentDocument(frame),
      parentFrameId: parentFrameId(frame),
      // No process is chosen before the navigation commits (observed in Chromium 156: -1).
      processId: -1,
      tabId: frame.tab.id,
      timeStamp: Date.now(),
      url: document.url,
    };
  }

  private documentDetails(document: Document): Record<string, unknown> {
    const frame = document.frame;
    return {
      documentId: document.documentId,
      documentLifecycle: document.lifecycle,
      frameId: frame.frameId,
      frameType: frameType(frame),
      ...parentDocument(frame),
      parentFrameId: parentFrameId(frame),
      processId: processId(this.state, document),
      tabId: frame.tab.id,
      timeStamp: Date.now(),
      url: document.url,
    };
  }

  private withTransition(document: Document, transition: Transition): object {
    const { url, ...details } = this.documentDetails(document);
    return { ...details, transitionQualifiers: [...transition.qualifiers], transitionType: transition.type, url };
  }
}

/**
 * A main-frame navigation's transition, from what the tab did: a tab opened or navigated by the
 * user is typed (as the harness's navigations are in Chromium 156); a page gone back to that left
 * the back/forward cache is typed again, with forward_back.
 */
function mainFrameTransition(tab: Tab): Transition {
  switch (tab.navigationCause) {
    case 'reload':
      return { type: TRANSITION_TYPE.RELOAD, qualifiers: [] };
    case 'traverse':
      return { type: TRANSITION_TYPE.TYPED, qualifiers: [TRANSITION_QUALIFIER.FORWARD_BACK] };
    default:
      return { type: TRANSITION_TYPE.TYPED, qualifiers: [] };
  }
}

function mayListen(extension: Extension): boolean {
  return extension.enabled && extension.parsed.permissions.has('webNavigation');
}

/** Whether the document is still its frame's, in a tab still open. */
function current(document: Document): boolean {
  return document.frame.document === document && document.frame.attached && document.lifecycle === 'active';
}

function rootOf(frame: Frame): Frame {
  let root = frame;
  while (root.parent) root = root.parent;
  return root;
}

function frameType(frame: Frame): 'outermost_frame' | 'sub_frame' {
  return frame.isMainFrame ? 'outermost_frame' : 'sub_frame';
}

function parentFrameId(frame: Frame): number {
  return frame.parent ? frame.parent.frameId : -1;
}

function parentDocument(frame: Frame): { parentDocumentId?: string } {
  return frame.parent ? { parentDocumentId: frame.parent.document.documentId } : {};
}

function processId(state: State, document: Document): number {
  let site: string;
  try {
    site = new URL(document.url).hostname.split('.').slice(-2).join('.') || document.url;
  } catch {
    site = document.url;
  }
  let id = state.processes.get(site);
  if (id === undefined) {
    id = state.processes.size + 7;
    state.processes.set(site, id);
  }
  return id;
}

// ----- what getFrame and getAllFrames read -----

function describe(document: Document): FrameDetails {
  const frame = document.frame;
  return {
    documentId: document.documentId,
    documentLifecycle: document.lifecycle,
    errorOccurred: false,
    frameType: frameType(frame),
    ...parentDocument(frame),
    parentFrameId: parentFrameId(frame),
    url: document.url,
  };
}

/** getFrame by tab and frame id, or by document id (with a tab or frame id that must agree); null if none. */
export function findFrame(browser: Browser, query: { tabId?: number; frameId?: number; documentId?: string }): FrameDetails | null {
  for (const tab of browser.tabs.values()) {
    if (query.tabId !== undefined && tab.id !== query.tabId) continue;
    for (const document of tab.mainFrame.document.subtree()) {
      if (query.documentId !== undefined && document.documentId !== query.documentId.toUpperCase()) continue;
      if (query.frameId !== undefined && document.frame.frameId !== query.frameId) continue;
      return describe(document);
    }
  }
  return null;
}

/** getAllFrames: every frame of the tab, the main frame first, depth first; null for no such tab. */
export function allFrames(browser: Browser, tabId: number): FrameInfo[] | null {
  const tab = browser.getTab(tabId);
  if (!tab) return null;
  const state = states.get(browser);
  return [...tab.mainFrame.document.subtree()].map((document) => {
    const { documentId, documentLifecycle, errorOccurred, frameType: type, parentDocumentId, parentFrameId: parent, url } = describe(document);
    return {
      documentId,
      documentLifecycle,
      errorOccurred,
      frameId: document.frame.frameId,
      frameType: type,
      ...(parentDocumentId !== undefined ? { parentDocumentId } : {}),
      parentFrameId: parent,
      processId: state ? processId(state, document) : -1,
      url,
    };
  });
}
