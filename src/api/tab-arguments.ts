/**
 * The signatures of chrome.tabs and chrome.windows (chrome/common/extensions/api/tabs.json and
 * windows.json), as the renderer's bindings parse them. Enum values are listed sorted, as
 * Chromium's invalid-enum error prints them.
 */
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const bool: TypeSpec = { type: 'boolean', optional: true };
const int = (minimum?: number): TypeSpec => ({ type: 'integer', optional: true, ...(minimum !== undefined ? { minimum } : {}) });
const str: TypeSpec = { type: 'string', optional: true };
/** A "choices" property (string or array of strings): the bindings check it by hand (see checkChoices). */
const anyValue: TypeSpec = { type: 'any', optional: true };

export const TAB_STATUSES = ['complete', 'loading', 'unloaded'];
export const WINDOW_TYPES = ['app', 'custom-tab', 'devtools', 'normal', 'panel', 'popup'];
export const CREATE_TYPES = ['normal', 'panel', 'popup'];
export const WINDOW_STATES = ['fullscreen', 'locked-fullscreen', 'maximized', 'minimized', 'normal'];

const TAB_ID: ParamSpec = { name: 'tabId', type: 'integer', minimum: 0 };

export const TABS_GET = new APISignature('tabs.get', [TAB_ID, CALLBACK]);
export const TABS_GET_CURRENT = new APISignature('tabs.getCurrent', [CALLBACK]);
export const TABS_QUERY = new APISignature('tabs.query', [
  {
    name: 'queryInfo',
    type: 'object',
    properties: {
      active: bool,
      pinned: bool,
      audible: bool,
      autoDiscardable: bool,
      muted: bool,
      highlighted: bool,
      discarded: bool,
      frozen: bool,
      currentWindow: bool,
      lastFocusedWindow: bool,
      status: { type: 'string', optional: true, enum: TAB_STATUSES },
      title: str,
      url: anyValue,
      groupId: int(-1),
      splitViewId: int(-1),
      windowId: int(-2),
      windowType: { type: 'string', optional: true, enum: WINDOW_TYPES },
      index: int(0),
    },
  },
  CALLBACK,
]);
export const TABS_CREATE = new APISignature('tabs.create', [
  {
    name: 'createProperties',
    type: 'object',
    properties: { windowId: int(-2), index: int(0), url: str, active: bool, selected: bool, pinned: bool, openerTabId: int(0) },
  },
  CALLBACK,
]);
export const TABS_DUPLICATE = new APISignature('tabs.duplicate', [TAB_ID, CALLBACK]);
export const TABS_UPDATE = new APISignature('tabs.update', [
  { ...TAB_ID, optional: true },
  {
    name: 'updateProperties',
    type: 'object',
    properties: { url: str, active: bool, highlighted: bool, selected: bool, pinned: bool, muted: bool, openerTabId: int(0), autoDiscardable: bool },
  },
  CALLBACK,
]);
export const TABS_REMOVE = new APISignature('tabs.remove', [{ name: 'tabIds', type: 'any', ref: '[integer|array]' }, CALLBACK]);
export const TABS_MOVE = new APISignature('tabs.move', [
  { name: 'tabIds', type: 'any', ref: '[integer|array]' },
  { name: 'moveProperties', type: 'object', properties: { index: { type: 'integer', minimum: -1 }, windowId: { type: 'integer', optional: true } } },
  CALLBACK,
]);
export const TABS_RELOAD = new APISignature('tabs.reload', [
  { ...TAB_ID, optional: true },
  { name: 'reloadProperties', type: 'object', optional: true, properties: { bypassCache: bool } },
  CALLBACK,
]);
export const TABS_GO_BACK = new APISignature('tabs.goBack', [{ ...TAB_ID, optional: true }, CALLBACK]);
export const TABS_GO_FORWARD = new APISignature('tabs.goForward', [{ ...TAB_ID, optional: true }, CALLBACK]);

const QUERY_OPTIONS: ParamSpec = {
  name: 'queryOptions',
  type: 'object',
  optional: true,
  ref: 'windows.QueryOptions',
  properties: { populate: bool, windowTypes: { type: 'array', optional: true, items: { type: 'string', enum: WINDOW_TYPES } } },
};
const WINDOW_ID: ParamSpec = { name: 'windowId', type: 'integer', minimum: -2 };

export const WINDOWS_GET = new APISignature('windows.get', [WINDOW_ID, QUERY_OPTIONS, CALLBACK]);
export const WINDOWS_GET_CURRENT = new APISignature('windows.getCurrent', [QUERY_OPTIONS, CALLBACK]);
export const WINDOWS_GET_LAST_FOCUSED = new APISignature('windows.getLastFocused', [QUERY_OPTIONS, CALLBACK]);
export const WINDOWS_GET_ALL = new APISignature('windows.getAll', [QUERY_OPTIONS, CALLBACK]);
export const WINDOWS_CREATE = new APISignature('windows.create', [
  {
    name: 'createData',
    type: 'object',
    optional: true,
    properties: {
      url: anyValue,
      tabId: int(0),
      left: int(),
      top: int(),
      width: int(),
      height: int(),
      focused: bool,
      incognito: bool,
      type: { type: 'string', optional: true, enum: CREATE_TYPES },
      state: { type: 'string', optional: true, enum: WINDOW_STATES },
      setSelfAsOpener: bool,
    },
  },
  CALLBACK,
]);
export const WINDOWS_UPDATE = new APISignature('windows.update', [
  WINDOW_ID,
  {
    name: 'updateInfo',
    type: 'object',
    properties: {
      left: int(),
      top: int(),
      width: int(),
      height: int(),
      focused: bool,
      drawAttention: bool,
      state: { type: 'string', optional: true, enum: WINDOW_STATES },
    },
  },
  CALLBACK,
]);
export const WINDOWS_REMOVE = new APISignature('windows.remove', [WINDOW_ID, CALLBACK]);
