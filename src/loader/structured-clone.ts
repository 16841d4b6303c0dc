/**
 * HTML's structured clone between realms: what a page's worlds exchange through the DOM
 * (window.postMessage, a CustomEvent's detail read in another world) is serialized where it is
 * sent and deserialized as the receiving realm's own objects, as Blink's SerializedScriptValue
 * does. V8's serializer (Node's structuredClone) does the first half and gives V8's own error
 * messages ("fn() {} could not be cloned."); `adoptClone` rebuilds its output with a realm's
 * intrinsics.
 */
import { types } from 'node:util';
import { implForWrapper } from './jsdom-internals.ts';
import { unwrapProxy } from './membrane.ts';

/** Why a value cannot be cloned: V8's (or Blink's, for a DOM object) message. */
export class DataCloneFailure extends Error {}

/** A structured clone of `value` made of the host's objects; throws DataCloneFailure. */
export function serialize(value: unknown): unknown {
  const platformObject = firstPlatformObject(value, new Set());
  if (platformObject !== undefined) throw new DataCloneFailure(`${platformObject} object could not be cloned.`);
  try {
    return structuredClone(value);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'DataCloneError') throw new DataCloneFailure(error.message);
    throw error;
  }
}

/**
 * The interface name of the first DOM object in `value` (none of them can be cloned by this
 * model, as a Node or a Window cannot in Chrome), looking through a membrane's proxies; only
 * plain containers are walked, as V8's serializer would reach them.
 */
function firstPlatformObject(value: unknown, seen: Set<object>): string | undefined {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return undefined;
  const object = unwrapProxy(value as object);
  if (seen.has(object)) return undefined;
  seen.add(object);
  // A realm's own Proxy is not looked into (its traps are the realm's code); V8 refuses it.
  if (types.isProxy(object) || typeof object === 'function') return undefined;
  if (implForWrapper(object) !== undefined) return String((object as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] ?? 'Object');
  if (types.isMap(object) || types.isSet(object)) {
    for (const entry of object as Iterable<unknown>) {
      const found = firstPlatformObject(entry, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const prototype = Reflect.getPrototypeOf(object);
  if (prototype !== null && Reflect.getPrototypeOf(prototype) !== null && !Array.isArray(object)) return undefined;
  for (const key of Object.keys(object)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
    if (descriptor && 'value' in descriptor) {
      const found = firstPlatformObject(descriptor.value, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A realm's intrinsic by its realm-independent name ("Object", "Map", "Uint8Array"…). */
export type IntrinsicOf = (name: string) => unknown;

type Constructor = new (...args: unknown[]) => object;

/**
 * The realm's own copy of a host structured clone: the same graph (cycles and shared references
 * kept), each object made with the realm's constructors and own data properties defined as
 * deserialization defines them (never through a setter the realm put on its prototypes).
 */
export function adoptClone(clone: unknown, intrinsic: IntrinsicOf): unknown {
  if ((typeof clone !== 'object' || clone === null) && typeof clone !== 'function') return clone;
  const made = new Map<object, object>();
  const pending: [from: object, to: object][] = [];
  const own = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    let copy = made.get(value);
    if (!copy) {
      copy = shell(value, intrinsic, own);
      made.set(value, copy);
      pending.push([value, copy]);
    }
    return copy;
  };
  const root = own(clone);
  // Iteratively, so that a deep graph does not exhaust the stack.
  for (let next = pending.pop(); next; next = pending.pop()) fill(next[0], next[1], own);
  return root;
}

/** The realm's object of the same kind as `value`, without its properties (fill adds them). */
function shell(value: object, intrinsic: IntrinsicOf, own: (value: unknown) => unknown): object {
  const construct = (name: string, args: unknown[] = []): object => Reflect.construct(intrinsic(name) as Constructor, args);
  if (Array.isArray(value)) return construct('Array', [value.length]);
  if (types.isDate(value)) return construct('Date', [value.getTime()]);
  if (types.isRegExp(value)) return construct('RegExp', [value.source, value.flags]);
  if (types.isMap(value)) return construct('Map');
  if (types.isSet(value)) return construct('Set');
  if (types.isArrayBuffer(value)) {
    const buffer = construct('ArrayBuffer', [value.byteLength]) as ArrayBuffer;
    new Uint8Array(buffer).set(new Uint8Array(value));
    return buffer;
  }
  if (types.isArrayBufferView(value)) {
    const buffer = own(value.buffer);
    const name = types.isDataView(value) ? 'DataView' : Object.prototype.toString.call(value).slice(8, -1);
    const length = types.isDataView(value) ? value.byteLength : (value as unknown as { length: number }).length;
    return construct(name, [buffer, value.byteOffset, length]);
  }
  if (types.isBoxedPrimitive(value)) return (intrinsic('Object') as (value: unknown) => object)((value as { valueOf(): unknown }).valueOf());
  if (types.isNativeError(value)) {
    const error = construct(intrinsic((value as Error).name) === undefined ? 'Error' : (value as Error).name);
    // Its stack is the clone's, not one captured here (which would name the host's frames).
    Reflect.deleteProperty(error, 'stack');
    return error;
  }
  return construct('Object');
}

/** Copies the clone's entries and own properties onto the realm's object. */
function fill(from: object, to: object, own: (value: unknown) => unknown): void {
  if (types.isArrayBuffer(from) || types.isArrayBufferView(from) || types.isBoxedPrimitive(from)) return;
  if (types.isMap(from)) {
    for (const [key, value] of from) Map.prototype.set.call(to, own(key), own(value));
    return;
  }
  if (types.isSet(from)) {
    for (const value of from) Set.prototype.add.call(to, own(value));
    return;
  }
  const error = types.isNativeError(from);
  for (const key of Reflect.ownKeys(from)) {
    if (typeof key === 'symbol' || (Array.isArray(from) && key === 'length')) continue;
    const descriptor = Reflect.getOwnPropertyDescriptor(from, key)!;
    if (!('value' in descriptor)) continue;
    // An error's message and stack are not enumerable, as the Error constructor makes them.
    Reflect.defineProperty(to, key, { value: own(descriptor.value), writable: true, enumerable: !error, configurable: true });
  }
}
