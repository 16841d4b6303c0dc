import { CONTEXT_MENUS_ID_REQUIRED, INVALID_CHOICE, NO_MATCHING_SIGNATURE, argumentError, propertyError } from '../core/errors.ts';
import { ContextMenuError, menuOf, type MenuItemId, type MenuItemProperties } from '../platform/context-menus.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec, type TypeSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };

// context_menus.json: ContextType and ItemType
const CONTEXT_TYPES = ['action', 'all', 'audio', 'browser_action', 'editable', 'frame', 'image', 'launcher', 'link', 'page', 'page_action', 'selection', 'tab', 'video'];
const ITEM_TYPES = ['checkbox', 'normal', 'radio', 'separator'];
const STRINGS: TypeSpec = { type: 'array', optional: true, items: { type: 'string' } };
const ITEM_PROPERTIES: Readonly<Record<string, TypeSpec>> = {
  type: { type: 'string', optional: true, enum: ITEM_TYPES },
  title: { type: 'string', optional: true },
  checked: { type: 'boolean', optional: true },
  contexts: { type: 'array', optional: true, items: { type: 'string', enum: CONTEXT_TYPES } },
  visible: { type: 'boolean', optional: true },
  onclick: { type: 'function', optional: true },
  // A choice of integer or string, checked below.
  parentId: { type: 'any', optional: true },
  documentUrlPatterns: STRINGS,
  targetUrlPatterns: STRINGS,
  enabled: { type: 'boolean', optional: true },
};
const MENU_ITEM_ID: ParamSpec = { name: 'id', type: 'any', ref: '[integer|string]' };

const CREATE = new APISignature('contextMenus.create', [
  { name: 'createProperties', type: 'object', ref: 'contextMenus.CreateProperties', properties: { ...ITEM_PROPERTIES, id: { type: 'string', optional: true } } },
  CALLBACK,
]);
const UPDATE = new APISignature('contextMenus.update', [MENU_ITEM_ID, { name: 'updateProperties', type: 'object', properties: ITEM_PROPERTIES }, CALLBACK]);
const REMOVE = new APISignature('contextMenus.remove', [{ ...MENU_ITEM_ID, name: 'menuItemId' }, CALLBACK]);
const REMOVE_ALL = new APISignature('contextMenus.removeAll', [CALLBACK]);

/** Each renderer numbers the items it creates, whether or not they get an id of their own (observed in Chromium 156). */
const generatedIds = new WeakMap<object, number>();

const isMenuItemId = (value: unknown): value is MenuItemId => typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff);

/** chrome.contextMenus (context_menus_api.cc): the extension's items; clicks come from outside (clickContextMenu). */
export function createContextMenus(messaging: ContextMessaging): object {
  const extension = messaging.context.extension!;
  const menu = menuOf(extension);
  const act = (fn: () => void): void => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ContextMenuError) throw new ApiError(error.message);
      throw error;
    }
  };
  /** The schema's choice of integer or string for a parentId. */
  const checkParent = (signature: APISignature, parameter: string, properties: unknown): void => {
    const parentId = (properties as { parentId?: unknown } | null | undefined)?.parentId;
    if (parentId !== undefined && parentId !== null && !isMenuItemId(parentId)) {
      throw signature.invocationError(argumentError(parameter, propertyError('parentId', INVALID_CHOICE)), messaging.realm);
    }
  };
  /** An id parameter must be an integer or a string to match the signature at all. */
  const withId = (signature: APISignature, fn: (...args: unknown[]) => unknown) => {
    const named = (...args: unknown[]) => {
      if (!isMenuItemId(args[0])) throw signature.invocationError(NO_MATCHING_SIGNATURE, messaging.realm);
      return fn(...args);
    };
    Object.defineProperty(named, 'name', { value: fn.name });
    return named;
  };

  let creating: MenuItemId = 0;
  const createFunction = apiFunction(messaging, CREATE, (properties) => act(() => {
    const given = properties as MenuItemProperties;
    if (given.id === undefined && 'background' in extension.manifest) throw new ContextMenuError(CONTEXT_MENUS_ID_REQUIRED);
    menu.create(creating, given);
  }));
  const create = function create(...args: unknown[]): MenuItemId {
    const [properties, callback] = CREATE.parse(args, messaging.realm);
    checkParent(CREATE, 'createProperties', properties);
    const generated = (generatedIds.get(extension) ?? 0) + 1;
    generatedIds.set(extension, generated);
    const id = (properties as MenuItemProperties).id ?? generated;
    creating = id;
    // create answers with the id, never a promise; without a callback, a failure is an unchecked lastError.
    createFunction(properties, (callback as (() => void) | undefined) ?? (() => {}));
    return id;
  };
  const updateFunction = apiFunction(messaging, UPDATE, (id, properties) => act(() => menu.update(id as MenuItemId, properties as MenuItemProperties)));
  return {
    onClicked: messaging.event('contextMenus.onClicked'),
    create,
    remove: withId(REMOVE, apiFunction(messaging, REMOVE, (id) => act(() => menu.remove(id as MenuItemId)))),
    removeAll: apiFunction(messaging, REMOVE_ALL, () => menu.removeAll()),
    update: withId(UPDATE, function update(...args: unknown[]) {
      checkParent(UPDATE, 'updateProperties', args[1]);
      return updateFunction(...args);
    }),
    ContextType: Object.fromEntries(CONTEXT_TYPES.map((type) => [type.toUpperCase(), type])),
    ItemType: Object.fromEntries(ITEM_TYPES.map((type) => [type.toUpperCase(), type])),
    ACTION_MENU_TOP_LEVEL_LIMIT: 6,
  };
}
