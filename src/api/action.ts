import { rgb } from 'd3-color';
import type { ScriptContext } from '../core/context.ts';
import {
  ACTION_ICON_MISSING_PROPERTY,
  ACTION_INVALID_COLOR,
  ACTION_INVALID_POPUP,
  ACTION_NO_POPUP,
  INVALID_CHOICE,
  actionIconFailed,
  argumentError,
  propertyError,
  tabNotFound,
} from '../core/errors.ts';
import { actionOf, openPopup, type ColorArray, type ExtensionAction } from '../platform/action.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const TAB_ID: TypeSpec = { type: 'integer', optional: true, minimum: 0 };
const TAB_DETAILS: ParamSpec = { name: 'details', type: 'object', ref: 'action.TabDetails', properties: { tabId: TAB_ID } };
const setter = (method: string, properties: Record<string, TypeSpec>): APISignature =>
  new APISignature(`action.${method}`, [{ name: 'details', type: 'object', properties: { ...properties, tabId: TAB_ID } }, CALLBACK]);
const getter = (method: string): APISignature => new APISignature(`action.${method}`, [TAB_DETAILS, CALLBACK]);

// action.json
const SET_TITLE = setter('setTitle', { title: { type: 'string' } });
const SET_POPUP = setter('setPopup', { popup: { type: 'string' } });
const SET_BADGE_TEXT = setter('setBadgeText', { text: { type: 'string', optional: true } });
const SET_BADGE_BACKGROUND_COLOR = setter('setBadgeBackgroundColor', { color: { type: 'any' } });
const SET_BADGE_TEXT_COLOR = setter('setBadgeTextColor', { color: { type: 'any' } });
const SET_ICON = setter('setIcon', { imageData: { type: 'any', optional: true }, path: { type: 'any', optional: true } });
const ENABLE = new APISignature('action.enable', [{ name: 'tabId', ...TAB_ID }, CALLBACK]);
const DISABLE = new APISignature('action.disable', [{ name: 'tabId', ...TAB_ID }, CALLBACK]);
const IS_ENABLED = new APISignature('action.isEnabled', [{ name: 'tabId', ...TAB_ID }, CALLBACK]);
const GET_USER_SETTINGS = new APISignature('action.getUserSettings', [CALLBACK]);
const OPEN_POPUP = new APISignature('action.openPopup', [
  { name: 'options', type: 'object', optional: true, ref: 'action.OpenPopupOptions', properties: { windowId: { type: 'integer', optional: true } } },
  CALLBACK,
]);

interface Details {
  tabId?: number;
  [key: string]: unknown;
}

/** chrome.action (extension_action_api.cc): the toolbar button's state, per tab or for all tabs. */
export function createAction(messaging: ContextMessaging): object {
  const context = messaging.context;
  const extension = context.extension!;
  const action = actionOf(extension)!;
  const browser = context.browser;
  /** A tabId names an open tab, else the call fails (ExtensionActionFunction::Run). */
  const checkTab = (tabId: number | undefined): void => {
    if (tabId !== undefined && !browser.getTab(tabId)) throw new ApiError(tabNotFound(tabId));
  };
  const set = (signature: APISignature, apply: (details: Details) => void) =>
    apiFunction(messaging, signature, (details) => {
      checkTab((details as Details).tabId);
      apply(details as Details);
    });
  const get = (signature: APISignature, read: (tabId: number | undefined) => unknown) =>
    apiFunction(messaging, signature, (details) => {
      const tabId = (details as Details).tabId;
      checkTab(tabId);
      return read(tabId);
    });
  const colorSetter = (signature: APISignature, key: 'badgeBackgroundColor' | 'badgeTextColor') => {
    const fn = set(signature, (details) => action.set(key, parseColor(details.color), details.tabId));
    return (...args: unknown[]) => {
      // The schema's choice of a string or a ColorArray of four integers (action.json).
      const details = args[0] as Details | undefined;
      if (details && typeof details === 'object' && !isColorChoice(details.color)) {
        throw signature.invocationError(argumentError('details', propertyError('color', INVALID_CHOICE)), messaging.realm);
      }
      return fn(...args);
    };
  };
  const enabled = (signature: APISignature, value: boolean) =>
    apiFunction(messaging, signature, (tabId) => {
      checkTab(tabId as number | undefined);
      action.set('enabled', value, tabId as number | undefined);
    });

  return {
    onClicked: messaging.event('action.onClicked'),
    onUserSettingsChanged: messaging.event('action.onUserSettingsChanged'),
    disable: enabled(DISABLE, false),
    enable: enabled(ENABLE, true),
    getBadgeBackgroundColor: get(getter('getBadgeBackgroundColor'), (tabId) => action.get('badgeBackgroundColor', tabId) ?? [0, 0, 0, 0]),
    getBadgeText: get(getter('getBadgeText'), (tabId) => action.get('badgeText', tabId)),
    getBadgeTextColor: get(getter('getBadgeTextColor'), (tabId) => action.get('badgeTextColor', tabId) ?? [0, 0, 0, 0]),
    getPopup: get(getter('getPopup'), (tabId) => action.get('popup', tabId)),
    getTitle: get(getter('getTitle'), (tabId) => action.get('title', tabId)),
    // The toolbar of an emulated browser pins nothing (headless Chromium 156 answers the same).
    getUserSettings: apiFunction(messaging, GET_USER_SETTINGS, () => ({ isOnToolbar: false })),
    isEnabled: apiFunction(messaging, IS_ENABLED, (tabId) => {
      checkTab(tabId as number | undefined);
      return action.get('enabled', tabId as number | undefined);
    }),
    openPopup: apiFunction(messaging, OPEN_POPUP, (options) => openActionPopup(context, action, options as { windowId?: number } | undefined)),
    setBadgeBackgroundColor: colorSetter(SET_BADGE_BACKGROUND_COLOR, 'badgeBackgroundColor'),
    setBadgeText: set(SET_BADGE_TEXT, (details) => action.set('badgeText', (details.text as string | undefined) ?? '', details.tabId)),
    setBadgeTextColor: colorSetter(SET_BADGE_TEXT_COLOR, 'badgeTextColor'),
    setIcon: set(SET_ICON, (details) => {
      if (details.imageData === undefined && details.path === undefined) throw new ApiError(ACTION_ICON_MISSING_PROPERTY);
      for (const path of iconPaths(details.path)) if (!extension.hasFile(path)) throw new ApiError(actionIconFailed(path));
      action.set('icon', details.imageData ?? details.path, details.tabId);
    }),
    setPopup: set(SET_POPUP, (details) => action.set('popup', popupUrl(extension.getURL.bind(extension), extension.id, details.popup as string), details.tabId)),
    setTitle: set(SET_TITLE, (details) => action.set('title', details.title as string, details.tabId)),
  };
}

/** action.openPopup: the popup of the active tab of the window (the focused one by default). */
function openActionPopup(context: ScriptContext, action: ExtensionAction, options: { windowId?: number } | undefined): void {
  const browser = context.browser;
  const window = options?.windowId !== undefined ? browser.getWindow(options.windowId) : browser.currentWindow();
  const tab = window?.activeTab;
  const popup = tab ? action.get('popup', tab.id) : undefined;
  if (!tab || !popup) throw new ApiError(ACTION_NO_POPUP);
  openPopup(action.extension, action, popup, tab);
}

/** A popup is a page of the extension, given relative to its root; '' means none. */
function popupUrl(getURL: (path: string) => string, id: string, popup: string): string {
  if (popup === '') return '';
  let url: URL;
  try {
    url = new URL(popup, getURL(''));
  } catch {
    throw new ApiError(ACTION_INVALID_POPUP);
  }
  if (url.protocol !== 'chrome-extension:' || url.host !== id) throw new ApiError(ACTION_INVALID_POPUP);
  return url.href;
}

function iconPaths(path: unknown): string[] {
  if (typeof path === 'string') return [path];
  if (path && typeof path === 'object') return Object.values(path).filter((value): value is string => typeof value === 'string');
  return [];
}

function isColorChoice(color: unknown): boolean {
  return typeof color === 'string' || (Array.isArray(color) && color.length === 4 && color.every((c) => Number.isInteger(c)));
}

/** A CSS colour or a ColorArray, as Chrome keeps it: [r, g, b, a] with alpha 0–255 (truncated). */
function parseColor(color: unknown): ColorArray {
  if (Array.isArray(color)) return color.map((c) => Math.max(0, Math.min(255, c as number))) as ColorArray;
  const parsed = rgb(color as string);
  if (Number.isNaN(parsed.r) || Number.isNaN(parsed.opacity)) throw new ApiError(ACTION_INVALID_COLOR);
  return [Math.round(parsed.r), Math.round(parsed.g), Math.round(parsed.b), Math.trunc(parsed.opacity * 255)];
}
