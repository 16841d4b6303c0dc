/**
 * chrome.windows (chrome/browser/extensions/api/tabs/windows_api.cc): get, getCurrent,
 * getLastFocused, getAll, create, update, remove, the events and the constants.
 */
import { NO_CURRENT_WINDOW, NO_LAST_FOCUSED_WINDOW, windowNotFound } from '../core/errors.ts';
import type { Window, WindowInfo, WindowState, WindowType } from '../core/window.ts';
import { attachTabEvents } from '../platform/tab-events.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import type { APISignature } from './signature.ts';
import {
  WINDOWS_CREATE,
  WINDOWS_GET,
  WINDOWS_GET_ALL,
  WINDOWS_GET_CURRENT,
  WINDOWS_GET_LAST_FOCUSED,
  WINDOWS_REMOVE,
  WINDOWS_UPDATE,
} from './tab-arguments.ts';
import {
  WINDOW_ID_CURRENT,
  WINDOW_ID_NONE,
  checkStringOrList,
  currentWindowOf,
  named,
  requireTab,
  requireWindow,
  resolveTabUrl,
  tabInfoFor,
} from './tabs-api.ts';

/** windows.json's enums, as chrome.windows carries them (Chromium 156). */
const WINDOWS_ENUMS = {
  CreateType: { NORMAL: 'normal', PANEL: 'panel', POPUP: 'popup' },
  WindowState: { FULLSCREEN: 'fullscreen', LOCKED_FULLSCREEN: 'locked-fullscreen', MAXIMIZED: 'maximized', MINIMIZED: 'minimized', NORMAL: 'normal' },
  WindowType: { APP: 'app', CUSTOM_TAB: 'custom-tab', DEVTOOLS: 'devtools', NORMAL: 'normal', PANEL: 'panel', POPUP: 'popup' },
};

interface QueryOptions {
  populate?: boolean;
  windowTypes?: string[];
}

/** Without windowTypes, an extension sees its normal and popup windows (WindowController's default filter). */
const DEFAULT_WINDOW_TYPES: readonly string[] = ['normal', 'popup'];

export function createWindowsNamespace(messaging: ContextMessaging): object {
  const { context } = messaging;
  const browser = context.browser;
  const extension = context.extension!;
  attachTabEvents(browser);
  const fn = (signature: APISignature, run: (...args: unknown[]) => unknown): ((...args: unknown[]) => Promise<unknown> | undefined) =>
    apiFunction(messaging, signature, run);
  const describe = (window: Window, populate: boolean | undefined, tabs?: unknown[]): WindowInfo =>
    window.info(tabs ?? (populate ? window.tabs.map((tab) => tabInfoFor(extension, tab)) : undefined));
  const admitted = (window: Window, options: QueryOptions | undefined): boolean => (options?.windowTypes ?? DEFAULT_WINDOW_TYPES).includes(window.type);

  const namespace: Record<string, unknown> = {
    get: named('get', fn(WINDOWS_GET, (windowId, options) => {
      const window = requireWindow(context, windowId as number);
      if (!admitted(window, options as QueryOptions)) throw new ApiError(windowNotFound(windowId as number));
      return describe(window, (options as QueryOptions | undefined)?.populate);
    })),
    getCurrent: named('getCurrent', fn(WINDOWS_GET_CURRENT, (options) => {
      const window = currentWindowOf(context);
      if (!window) throw new ApiError(NO_CURRENT_WINDOW);
      return describe(window, (options as QueryOptions | undefined)?.populate);
    })),
    getLastFocused: named('getLastFocused', fn(WINDOWS_GET_LAST_FOCUSED, (options) => {
      const window = browser.lastFocusedWindow;
      if (!window) throw new ApiError(NO_LAST_FOCUSED_WINDOW);
      return describe(window, (options as QueryOptions | undefined)?.populate);
    })),
    getAll: named('getAll', fn(WINDOWS_GET_ALL, (options) => {
      const query = options as QueryOptions | undefined;
      return [...browser.windows.values()].filter((window) => admitted(window, query)).map((window) => describe(window, query?.populate));
    })),
    create: named('create', fn(WINDOWS_CREATE, (raw) => {
      const data = (raw ?? {}) as { url?: unknown; tabId?: number; left?: number; top?: number; width?: number; height?: number; focused?: boolean; type?: string; state?: string };
      const urls = (checkStringOrList(WINDOWS_CREATE, 'createData', 'url', data.url, messaging) ?? []).map((url) => resolveTabUrl(extension, url));
      const tab = data.tabId !== undefined ? requireTab(browser, data.tabId) : undefined;
      const bounds = Object.fromEntries(Object.entries({ left: data.left, top: data.top, width: data.width, height: data.height }).filter(([, v]) => v !== undefined));
      const type: WindowType = data.type === 'popup' || data.type === 'panel' ? 'popup' : 'normal';
      const window = browser.openWindow({ type, state: data.state as WindowState | undefined, bounds, urls, tab, focused: data.focused });
      // The answer lists the new tabs as they were created, their navigation pending (observed in Chromium 156).
      const tabs = window.tabs.map((t) => tabInfoFor(extension, tab === t ? t : t.createdInfo));
      return describe(window, true, tabs);
    })),
    update: named('update', fn(WINDOWS_UPDATE, (windowId, raw) => {
      const info = raw as { left?: number; top?: number; width?: number; height?: number; focused?: boolean; state?: string };
      const window = requireWindow(context, windowId as number);
      const bounds = Object.fromEntries(Object.entries({ left: info.left, top: info.top, width: info.width, height: info.height }).filter(([, v]) => v !== undefined));
      browser.updateWindow(window, { state: info.state as WindowState | undefined, bounds: Object.keys(bounds).length > 0 ? bounds : undefined });
      if (info.focused === true) browser.focusWindow(window);
      return describe(window, false);
    })),
    remove: named('remove', fn(WINDOWS_REMOVE, (windowId) => {
      browser.closeWindow(requireWindow(context, windowId as number));
      return undefined;
    })),
    onCreated: messaging.event('windows.onCreated'),
    onRemoved: messaging.event('windows.onRemoved'),
    onFocusChanged: messaging.event('windows.onFocusChanged'),
    onBoundsChanged: messaging.event('windows.onBoundsChanged'),
  };
  for (const [name, values] of Object.entries(WINDOWS_ENUMS)) namespace[name] = messaging.toRealm(values);
  namespace.WINDOW_ID_CURRENT = WINDOW_ID_CURRENT;
  namespace.WINDOW_ID_NONE = WINDOW_ID_NONE;
  return namespace;
}
