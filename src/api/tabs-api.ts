/**
 * chrome.tabs beyond messaging (chrome/browser/extensions/api/tabs/tabs_api.cc): query, get,
 * getCurrent, create, update, remove, reload, duplicate, goBack, goForward, the events and the
 * constants. Every tab object is scrubbed for the calling extension as Chrome scrubs it.
 */
import type { Browser } from '../core/browser.ts';
import type { ScriptContext } from '../core/context.ts';
import {
  NO_CURRENT_WINDOW,
  NO_MATCHING_SIGNATURE,
  NO_NEXT_PAGE_IN_HISTORY,
  NO_SELECTED_TAB,
  argumentError,
  invalidTabUrl,
  invalidType,
  invalidUrlPattern,
  propertyError,
  tabNotFound,
  windowNotFound,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import { MatchPattern, MatchPatternError, SCHEME_ALL, matchGlob } from '../core/manifest/match-pattern.ts';
import type { Tab, TabInfo } from '../core/tab.ts';
import type { Window } from '../core/window.ts';
import { canSeeUrl, scrubTab } from '../platform/tab-access.ts';
import { attachTabEvents } from '../platform/tab-events.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { foundTypeName, type APISignature } from './signature.ts';
import {
  TABS_CREATE,
  TABS_DUPLICATE,
  TABS_MOVE,
  TABS_GET,
  TABS_GET_CURRENT,
  TABS_GO_BACK,
  TABS_GO_FORWARD,
  TABS_QUERY,
  TABS_RELOAD,
  TABS_REMOVE,
  TABS_UPDATE,
} from './tab-arguments.ts';
import { createTabs } from './tabs.ts';

/** windows.WINDOW_ID_CURRENT and WINDOW_ID_NONE. */
export const WINDOW_ID_CURRENT = -2;
export const WINDOW_ID_NONE = -1;

/** tabs.json's enums and constants, as chrome.tabs carries them (Chromium 156). */
const TABS_ENUMS = {
  MutedInfoReason: { CAPTURE: 'capture', EXTENSION: 'extension', USER: 'user' },
  TabStatus: { COMPLETE: 'complete', LOADING: 'loading', UNLOADED: 'unloaded' },
  WindowType: { APP: 'app', CUSTOM_TAB: 'custom-tab', DEVTOOLS: 'devtools', NORMAL: 'normal', PANEL: 'panel', POPUP: 'popup' },
  ZoomSettingsMode: { AUTOMATIC: 'automatic', DISABLED: 'disabled', MANUAL: 'manual' },
  ZoomSettingsScope: { PER_ORIGIN: 'per-origin', PER_TAB: 'per-tab' },
};
const TABS_CONSTANTS = { MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND: 2, SPLIT_VIEW_ID_NONE: -1, TAB_ID_NONE: -1, TAB_INDEX_NONE: -1 };

const TABS_EVENTS = ['onActivated', 'onAttached', 'onCreated', 'onDetached', 'onHighlighted', 'onMoved', 'onRemoved', 'onReplaced', 'onUpdated', 'onZoomChange'];

interface QueryInfo {
  active?: boolean;
  pinned?: boolean;
  audible?: boolean;
  autoDiscardable?: boolean;
  muted?: boolean;
  highlighted?: boolean;
  discarded?: boolean;
  frozen?: boolean;
  currentWindow?: boolean;
  lastFocusedWindow?: boolean;
  status?: string;
  title?: string;
  url?: unknown;
  groupId?: number;
  splitViewId?: number;
  windowId?: number;
  windowType?: string;
  index?: number;
}

// ----- helpers shared with chrome.windows -----

/** The calling context's tab, if it is a page in a tab (tabs.getCurrent). */
export function callerTab(context: ScriptContext): Tab | undefined {
  const tab = context.tab;
  return tab && !tab.closed && context.browser.tabs.get(tab.id) === tab ? tab : undefined;
}

/**
 * The "current window": the caller's tab's window, or the window a popup or side panel is shown in,
 * else the last focused one (a service worker).
 */
export function currentWindowOf(context: ScriptContext): Window | undefined {
  const view = context.tab?.view !== undefined && !context.tab.window.closed ? context.tab.window : undefined;
  return callerTab(context)?.window ?? view ?? context.browser.lastFocusedWindow;
}

export function requireTab(browser: Browser, tabId: number): Tab {
  const tab = browser.tabs.get(tabId);
  if (!tab) throw new ApiError(tabNotFound(tabId));
  return tab;
}

export function requireWindow(context: ScriptContext, windowId: number): Window {
  if (windowId === WINDOW_ID_CURRENT) {
    const current = currentWindowOf(context);
    if (!current) throw new ApiError(NO_CURRENT_WINDOW);
    return current;
  }
  const window = context.browser.windows.get(windowId);
  if (!window) throw new ApiError(windowNotFound(windowId));
  return window;
}

/**
 * ExtensionTabUtil::PrepareURLForNavigation: an absolute URL as it is (it must parse), anything
 * else relative to the extension's root.
 */
export function resolveTabUrl(extension: Extension, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      return new URL(url).href;
    } catch {
      throw new ApiError(invalidTabUrl(url));
    }
  }
  return new URL(url, extension.getURL('')).href;
}

/** A property the schema types as a choice of string or list of strings, checked as the bindings do. */
export function checkStringOrList(signature: APISignature, parameter: string, property: string, value: unknown, context: ContextMessaging): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...(value as string[])];
  throw signature.invocationError(argumentError(parameter, propertyError(property, invalidType('[string|array]', foundTypeName(value)))), context.realm);
}

export function tabInfoFor(extension: Extension, tab: Tab | TabInfo): TabInfo {
  return scrubTab(extension, 'info' in tab ? tab.info() : tab);
}

// ----- the namespace -----

/** chrome.tabs for one context: messaging (tabs.ts) and the rest. */
export function createTabsNamespace(messaging: ContextMessaging): object {
  const { context } = messaging;
  const browser = context.browser;
  const extension = context.extension!;
  attachTabEvents(browser);
  const view = (tab: Tab | TabInfo): TabInfo => tabInfoFor(extension, tab);
  const fn = (signature: APISignature, run: (...args: unknown[]) => unknown): ((...args: unknown[]) => Promise<unknown> | undefined) =>
    apiFunction(messaging, signature, run);
  const tabOrActive = (tabId: unknown): Tab => {
    if (typeof tabId === 'number') return requireTab(browser, tabId);
    const window = currentWindowOf(context);
    if (!window) throw new ApiError(NO_CURRENT_WINDOW);
    const active = window.activeTab;
    if (!active) throw new ApiError(NO_SELECTED_TAB);
    return active;
  };

  const query = fn(TABS_QUERY, (raw) => {
    const info = raw as QueryInfo;
    return queryTabs(context, extension, info, checkStringOrList(TABS_QUERY, 'queryInfo', 'url', info.url, messaging)).map(view);
  });
  // The url check runs at call time, as the bindings' parse would.
  const queryChecked = (...args: unknown[]): Promise<unknown> | undefined => {
    const [raw] = args;
    if (raw && typeof raw === 'object') checkStringOrList(TABS_QUERY, 'queryInfo', 'url', (raw as QueryInfo).url, messaging);
    return query(...args);
  };

  const namespace: Record<string, unknown> = {
    ...createTabs(messaging),
    query: named('query', queryChecked),
    get: named('get', fn(TABS_GET, (tabId) => view(requireTab(browser, tabId as number)))),
    getCurrent: named('getCurrent', fn(TABS_GET_CURRENT, () => {
      const tab = callerTab(context);
      return tab ? view(tab) : undefined;
    })),
    create: named('create', fn(TABS_CREATE, (raw) => {
      const props = raw as { windowId?: number; index?: number; url?: string; active?: boolean; selected?: boolean; openerTabId?: number };
      const window = props.windowId !== undefined ? requireWindow(context, props.windowId) : currentWindowOf(context);
      if (!window) throw new ApiError(NO_CURRENT_WINDOW);
      if (props.openerTabId !== undefined) requireTab(browser, props.openerTabId);
      const url = props.url !== undefined ? resolveTabUrl(extension, props.url) : 'chrome://newtab/';
      const active = props.active ?? props.selected ?? true;
      // The key is given even when undefined: a tab the API opens has no opener unless asked.
      const tab = browser.openTab(url, { window, index: props.index, active, openerTabId: props.openerTabId });
      return view(tab.createdInfo);
    })),
    duplicate: named('duplicate', fn(TABS_DUPLICATE, (tabId) => {
      const original = requireTab(browser, tabId as number);
      const before = original.info();
      const tab = browser.openTab(original.url, { window: original.window, index: original.index + 1, active: true, openerTabId: original.id, title: original.title });
      // The copy starts with the original's URL and title, its navigation pending (observed in Chromium 156).
      return view({ ...tab.createdInfo, title: before.title, url: before.url });
    })),
    update: named('update', fn(TABS_UPDATE, (tabId, raw) => {
      const props = raw as { url?: string; active?: boolean; selected?: boolean; highlighted?: boolean };
      const tab = tabOrActive(tabId);
      let url = props.url !== undefined ? resolveTabUrl(extension, props.url) : undefined;
      // A javascript: URL does not navigate (Manifest V3).
      if (url?.startsWith('javascript:')) url = undefined;
      if (url !== undefined) tab.startNavigation(url);
      if (props.active === true || props.selected === true) browser.activateTab(tab);
      if (props.highlighted === true && !tab.highlighted) {
        tab.highlighted = true;
        browser.notifyTabStrip({ type: 'tabHighlighted', tabIds: tab.window.tabs.filter((t) => t.highlighted).map((t) => t.id), windowId: tab.windowId });
      }
      const answer = view(tab);
      if (url !== undefined) tab.navigate(url);
      return answer;
    })),
    // TabsMoveFunction: each tab in turn to the index (the next ones after it), -1 the end; one id
    // answers one Tab, a list a list (observed in Chromium 156).
    move: named('move', fn(TABS_MOVE, (tabIds, moveProperties) => {
      const { index, windowId } = moveProperties as { index: number; windowId?: number };
      const ids = parseTabIds(tabIds, messaging, TABS_MOVE);
      const tabs = ids.map((id) => requireTab(browser, id));
      const target = windowId !== undefined ? requireWindow(context, windowId) : undefined;
      tabs.forEach((tab, n) => {
        if (target && target !== tab.window) browser.moveTab(tab, target, index < 0 ? target.tabs.length : index + n);
        else browser.reorderTab(tab, index < 0 ? -1 : index + n);
      });
      const moved = tabs.map(view);
      return typeof tabIds === 'number' ? moved[0] : moved;
    })),
    remove: named('remove', fn(TABS_REMOVE, (tabIds) => {
      // The tabs before an unknown id are closed; the error names the first unknown one (observed in Chromium 156).
      for (const id of parseTabIds(tabIds, messaging)) requireTab(browser, id).close();
      return undefined;
    })),
    reload: named('reload', fn(TABS_RELOAD, (tabId) => {
      tabOrActive(tabId).reload();
      return undefined;
    })),
    goBack: named('goBack', fn(TABS_GO_BACK, (tabId) => traverse(tabOrActive(tabId), -1))),
    goForward: named('goForward', fn(TABS_GO_FORWARD, (tabId) => traverse(tabOrActive(tabId), 1))),
  };
  for (const name of TABS_EVENTS) namespace[name] = messaging.event(`tabs.${name}`);
  for (const [name, values] of Object.entries(TABS_ENUMS)) namespace[name] = messaging.toRealm(values);
  Object.assign(namespace, TABS_CONSTANTS);
  return namespace;
}

function traverse(tab: Tab, offset: number): undefined {
  if (!tab.canTraverse(offset)) throw new ApiError(NO_NEXT_PAGE_IN_HISTORY);
  if (offset < 0) tab.goBack();
  else tab.goForward();
  return undefined;
}

/** tabs.remove's tabIds: one id or a list of them, each an integer of at least 0. */
function parseTabIds(value: unknown, messaging: ContextMessaging, signature: APISignature = TABS_REMOVE): number[] {
  const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (isId(value)) return [value];
  if (Array.isArray(value) && value.every(isId)) return [...value];
  // A choice of types is resolved with the signature: anything else matches no signature (observed in Chromium 156).
  throw signature.invocationError(NO_MATCHING_SIGNATURE, messaging.realm);
}

/** TabsQueryFunction::Run: windows in the order they opened, tabs in index order. */
function queryTabs(context: ScriptContext, extension: Extension, info: QueryInfo, urls: string[] | undefined): Tab[] {
  const patterns = (urls ?? []).map((text) => {
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof MatchPatternError) throw new ApiError(invalidUrlPattern(text));
    return pattern;
  });
  const browser = context.browser;
  const current = currentWindowOf(context);
  const lastFocused = browser.lastFocusedWindow;
  let windowId = info.windowId;
  if (windowId === WINDOW_ID_CURRENT) windowId = current?.id ?? WINDOW_ID_NONE;
  const found: Tab[] = [];
  for (const window of browser.windows.values()) {
    if (windowId !== undefined && windowId !== WINDOW_ID_NONE && window.id !== windowId) continue;
    if (info.currentWindow !== undefined && info.currentWindow !== (window === current)) continue;
    if (info.lastFocusedWindow !== undefined && info.lastFocusedWindow !== (window === lastFocused)) continue;
    if (info.windowType !== undefined && info.windowType !== window.type) continue;
    for (const tab of window.tabs) {
      const tabInfo = tab.info();
      if (info.index !== undefined && info.index !== tabInfo.index) continue;
      if (!matches(info.active, tabInfo.active) || !matches(info.highlighted, tabInfo.highlighted)) continue;
      if (!matches(info.pinned, tabInfo.pinned) || !matches(info.audible, tabInfo.audible)) continue;
      if (!matches(info.muted, tabInfo.mutedInfo.muted) || !matches(info.discarded, tabInfo.discarded)) continue;
      if (!matches(info.autoDiscardable, tabInfo.autoDiscardable) || !matches(info.frozen, tabInfo.frozen)) continue;
      if (!matches(info.groupId, tabInfo.groupId) || !matches(info.splitViewId, tabInfo.splitViewId)) continue;
      if (!matches(info.status, tabInfo.status)) continue;
      if (info.title !== undefined || patterns.length > 0) {
        // Title and URL filters see only tabs whose URL the extension may read.
        if (!canSeeUrl(extension, tabInfo.url)) continue;
        if (info.title !== undefined && !matchGlob(tabInfo.title, info.title)) continue;
        if (patterns.length > 0 && !patterns.some((pattern) => pattern.matches(tabInfo.url))) continue;
      }
      found.push(tab);
    }
  }
  return found;
}

function matches<T>(wanted: T | undefined, actual: T): boolean {
  return wanted === undefined || wanted === actual;
}

/** Gives an API function Chrome's name (chrome.tabs.query.name === 'query'). */
export function named<F extends (...args: unknown[]) => unknown>(name: string, fn: F): F {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
