import {
  INVALID_CHOICE,
  NO_MATCHING_SIGNATURE,
  STORAGE_ACCESS_NOT_ALLOWED,
  STORAGE_CANNOT_SET_ACCESS_LEVEL,
  argumentError,
  invalidEnumValue,
  invalidType,
  missingRequiredProperty,
  propertyError,
  unexpectedProperty,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import { ACCESS_LEVELS, AREA_CONSTANTS, AREA_NAMES, StorageError, storageOf, type AccessLevel, type AreaName, type StorageChange, type StorageQuery } from '../platform/storage.ts';
import { toStoredValue, type StoredObject } from '../platform/storage-value.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ChromeEvent } from './event.ts';
import type { ContextMessaging } from './messaging.ts';
import type { Realm } from './realm.ts';
import { APISignature, foundTypeName, type ParamSpec } from './signature.ts';

/**
 * chrome.storage (extensions/renderer/storage_area.cc and storage.json): four StorageAreas and
 * onChanged. Each call's arguments are parsed and its values converted here, in the caller's
 * renderer; the areas live in the browser (src/platform/storage.ts).
 */

type Callback = (...args: unknown[]) => void;
export type StorageChangedListener = (changes: Record<string, StorageChange>, areaName: AreaName) => void;
export type AreaChangedListener = (changes: Record<string, StorageChange>) => void;

export interface StorageArea {
  get(...args: unknown[]): Promise<Record<string, unknown>> | undefined;
  getKeys(...args: unknown[]): Promise<string[]> | undefined;
  set(...args: unknown[]): Promise<void> | undefined;
  remove(...args: unknown[]): Promise<void> | undefined;
  clear(...args: unknown[]): Promise<void> | undefined;
  getBytesInUse(...args: unknown[]): Promise<number> | undefined;
  setAccessLevel(...args: unknown[]): Promise<void> | undefined;
  readonly onChanged: ChromeEvent<AreaChangedListener>;
  readonly [constant: string]: unknown;
}

export interface Storage {
  readonly sync: StorageArea;
  readonly session: StorageArea;
  readonly managed: StorageArea;
  readonly local: StorageArea;
  readonly onChanged: ChromeEvent<StorageChangedListener>;
  readonly AccessLevel: Readonly<Record<AccessLevel, AccessLevel>>;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };

/** An argument that is a choice of types (argument_spec.cc's `choices`): string, string array, object. */
type KeysChoice = 'string' | 'array' | 'object';

const isPlainObjectArgument = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

function choiceMatches(choices: readonly KeysChoice[], value: unknown): boolean {
  return (
    (choices.includes('string') && typeof value === 'string') ||
    (choices.includes('array') && Array.isArray(value)) ||
    (choices.includes('object') && isPlainObjectArgument(value))
  );
}

/**
 * A storage method whose first parameter is a choice (`get`, `getBytesInUse`, `remove`) or a
 * free-form object (`set`): resolved by basic type, as ArgumentParser does, then parsed; the
 * object is passed on as it is, for the caller's converter to read once.
 */
class StorageSignature extends APISignature {
  override readonly expectedSignature: string;

  constructor(
    apiMethod: string,
    private readonly first: { readonly name: string; readonly optional: boolean; readonly choices: readonly KeysChoice[] | 'object' },
  ) {
    super(apiMethod, [{ name: first.name, type: 'any', optional: first.optional }, CALLBACK]);
    const type = first.choices === 'object' ? 'object' : `[${first.choices.join('|')}]`;
    this.expectedSignature = `${first.optional ? 'optional ' : ''}${type} ${first.name}, optional function callback`;
  }

  override parse(args: readonly unknown[], realm?: Pick<Realm, 'TypeError'>): unknown[] {
    const { first } = this;
    const matches = (value: unknown): boolean => (first.choices === 'object' ? isPlainObjectArgument(value) : choiceMatches(first.choices, value));
    const omitted = (value: unknown): boolean => value === null || value === undefined;
    const isCallback = (value: unknown): boolean => omitted(value) || typeof value === 'function';
    let slots: [unknown, unknown] | undefined;
    if (args.length === 2 && (matches(args[0]) || (first.optional && omitted(args[0]))) && isCallback(args[1])) slots = [args[0], args[1]];
    else if (args.length === 1 && (matches(args[0]) || (first.optional && omitted(args[0])))) slots = [args[0], undefined];
    else if (args.length === 1 && first.optional && isCallback(args[0])) slots = [undefined, args[0]];
    else if (args.length === 0 && first.optional) slots = [undefined, undefined];
    if (!slots) throw this.invocationError(NO_MATCHING_SIGNATURE, realm);
    const [value, callback] = slots.map((slot) => (omitted(slot) ? undefined : slot));
    if (Array.isArray(value) && !value.every((key) => typeof key === 'string')) {
      throw this.invocationError(argumentError(first.name, INVALID_CHOICE), realm);
    }
    return [value, callback];
  }
}

const SIGNATURES = {
  get: new StorageSignature('storage.get', { name: 'keys', optional: true, choices: ['string', 'array', 'object'] }),
  getBytesInUse: new StorageSignature('storage.getBytesInUse', { name: 'keys', optional: true, choices: ['string', 'array'] }),
  remove: new StorageSignature('storage.remove', { name: 'keys', optional: false, choices: ['string', 'array'] }),
  set: new StorageSignature('storage.set', { name: 'items', optional: false, choices: 'object' }),
  getKeys: new APISignature('storage.getKeys', [CALLBACK]),
  clear: new APISignature('storage.clear', [CALLBACK]),
  setAccessLevel: new APISignature('storage.setAccessLevel', [
    { name: 'accessOptions', type: 'object', properties: { accessLevel: { type: 'string' } } },
    CALLBACK,
  ]),
};

/** setAccessLevel's arguments by their basic types only: its accessOptions are parsed by hand. */
const SET_ACCESS_LEVEL_SHAPE = new APISignature('storage.setAccessLevel', [
  { name: 'accessOptions', type: 'object', additionalProperties: { type: 'any' } },
  CALLBACK,
]);

/** A string or a string list as the list of keys it names; nothing as null (every key). */
const keyList = (keys: unknown): string[] | null => (keys === undefined ? null : typeof keys === 'string' ? [keys] : (keys as string[]));

/** The browser side's failures as the API's. */
function browserSide<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof StorageError) throw new ApiError(error.message);
    throw error;
  }
}

function createArea(messaging: ContextMessaging, extension: Extension, name: AreaName): StorageArea {
  const { context } = messaging;
  const service = storageOf(context.browser);
  const storage = service.of(extension.id);
  const area = () => storage.area(name);
  // storage_api.cc: a content script reaches storage.session only once the extension lets it.
  const checkAccess = (): void => {
    if (name === 'session' && context.type === 'content_script' && storage.accessLevel !== 'TRUSTED_AND_UNTRUSTED_CONTEXTS') {
      throw new ApiError(STORAGE_ACCESS_NOT_ALLOWED);
    }
  };
  const method = (signature: APISignature, run: (...args: unknown[]) => unknown) =>
    apiFunction(messaging, signature, (...args) => {
      checkAccess();
      return browserSide(() => run(...args));
    });

  const members: Record<string, unknown> = {
    get: method(SIGNATURES.get, (keys) => {
      const query: StorageQuery = isPlainObjectArgument(keys) ? { defaults: toStoredValue(keys, { binary: false }) as StoredObject } : keyList(keys);
      return area().get(query);
    }),
    getKeys: method(SIGNATURES.getKeys, () => area().getKeys()),
    set: method(SIGNATURES.set, (items) => {
      const converted = (toStoredValue(items) ?? {}) as StoredObject;
      service.write(extension, name, (state) => state.set(converted));
    }),
    remove: method(SIGNATURES.remove, (keys) => service.write(extension, name, (state) => state.remove(keyList(keys) ?? []))),
    clear: method(SIGNATURES.clear, () => service.write(extension, name, (state) => state.clear())),
    getBytesInUse: method(SIGNATURES.getBytesInUse, (keys) => area().getBytesInUse(keyList(keys))),
    setAccessLevel: apiFunction(messaging, SIGNATURES.setAccessLevel, (options) => {
      const level = (options as { accessLevel: string }).accessLevel;
      checkAccess();
      if (context.type === 'content_script') throw new ApiError(STORAGE_CANNOT_SET_ACCESS_LEVEL);
      // Only storage.session has an access level; the other areas accept the call and change nothing.
      if (name === 'session') storage.accessLevel = level as AccessLevel;
    }),
    onChanged: messaging.event(`storage.${name}.onChanged`),
    ...AREA_CONSTANTS[name],
  };
  // accessOptions is parsed here as Chrome's schema has it ({accessLevel: storage.AccessLevel}),
  // in the object's key order; then the call goes on.
  const setAccessLevel = members.setAccessLevel as Callback;
  members.setAccessLevel = (...args: unknown[]) => {
    SET_ACCESS_LEVEL_SHAPE.parse(args, messaging.realm);
    const fail = (detail: string): never => {
      throw SIGNATURES.setAccessLevel.invocationError(argumentError('accessOptions', detail), messaging.realm);
    };
    const options = args[0] as Record<string, unknown>;
    let present = false;
    for (const key of Object.keys(options)) {
      if (key !== 'accessLevel') fail(unexpectedProperty(key));
      const level = options[key];
      if (level === undefined || level === null) continue;
      present = true;
      if (typeof level !== 'string') fail(propertyError(key, invalidType('storage.AccessLevel', foundTypeName(level))));
      if (!(ACCESS_LEVELS as readonly string[]).includes(level as string)) fail(propertyError(key, invalidEnumValue(ACCESS_LEVELS)));
    }
    if (!present) fail(missingRequiredProperty('accessLevel'));
    return setAccessLevel(...args);
  };
  return Object.assign(new StorageAreaObject(), members) as unknown as StorageArea;
}

/** A StorageArea's own prototype holds nothing but its constructor, as in Chrome. */
class StorageAreaObject {}

/** chrome.storage for one context: its areas, storage.onChanged and the AccessLevel enum. */
export function createStorage(messaging: ContextMessaging): Storage {
  const extension = messaging.context.extension;
  if (!extension) throw new Error('chrome.storage needs an extension context');
  const storage: Record<string, unknown> = {};
  for (const name of AREA_NAMES) storage[name] = createArea(messaging, extension, name);
  storage.onChanged = messaging.event('storage.onChanged');
  storage.AccessLevel = messaging.adopt(Object.fromEntries(ACCESS_LEVELS.map((level) => [level, level])));
  return storage as unknown as Storage;
}
