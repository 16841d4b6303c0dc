import { types } from 'node:util';

/**
 * A value as chrome.storage keeps it: a base::Value. JSON data, plus binary (an ArrayBuffer or a
 * typed array), which only storage.session can keep.
 */
export type StoredValue = null | boolean | number | string | StoredValue[] | StoredObject | StoredBinary;
export interface StoredObject {
  [key: string]: StoredValue;
}

/** A base::Value of type BINARY. */
export class StoredBinary {
  constructor(readonly bytes: Uint8Array) {}
}

/** V8ValueConverter's kMaxRecursionDepth: deeper values are left out. */
const MAX_DEPTH = 100;

/** std::string ordering (UTF-8 bytes), which base::Value::Dict keeps its keys in. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** A base::Value::Dict's keys, sorted as Chrome iterates them. */
export function sortedKeys(object: object): string[] {
  return Object.keys(object).sort(compareKeys);
}

/**
 * A JS value of any realm as V8ValueConverter turns it into a base::Value
 * (content/renderer/v8_value_converter_impl.cc), or undefined where it gives nothing: undefined,
 * functions, symbols, bigints, NaN and ±Infinity. An object keeps its own enumerable string keys
 * (getters run, proxies' traps too, toJSON is not called), so a Date, a RegExp, a Map or an Error
 * becomes {}; an array keeps its indices, holes and nothings becoming null; an object met again
 * inside itself becomes null. `binary: false` (a get's defaults) makes binary an empty object.
 */
export function toStoredValue(value: unknown, options: { binary: boolean } = { binary: true }): StoredValue | undefined {
  const path = new Set<object>();
  const convert = (input: unknown, depth: number): StoredValue | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    switch (typeof input) {
      case 'boolean':
      case 'string':
        return input;
      case 'number':
        if (!Number.isFinite(input)) return undefined;
        return input === 0 ? 0 : input; // -0 reads back as 0
      case 'object':
        break;
      default:
        return undefined;
    }
    if (input === null) return null;
    if (types.isArrayBuffer(input) || types.isArrayBufferView(input)) {
      if (!options.binary) return {};
      const view = types.isArrayBuffer(input) ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
      return new StoredBinary(Uint8Array.from(view));
    }
    if (path.has(input)) return null;
    path.add(input);
    try {
      if (Array.isArray(input) && !types.isProxy(input)) {
        const list: StoredValue[] = [];
        for (let index = 0; index < input.length; index++) {
          list.push(Object.hasOwn(input, index) ? (convert(input[index], depth + 1) ?? null) : null);
        }
        return list;
      }
      const dict: StoredObject = {};
      for (const key of Object.keys(input)) {
        const child = convert((input as Record<string, unknown>)[key], depth + 1);
        if (child !== undefined) dict[key] = child;
      }
      return sorted(dict);
    } finally {
      path.delete(input);
    }
  };
  return convert(value, 1);
}

/** The same dict with its keys in Chrome's order. */
export function sorted<T>(dict: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of sortedKeys(dict)) out[key] = dict[key] as T;
  return out;
}

/** base::Value's operator==: the same type and the same contents. */
export function storedEqual(a: StoredValue, b: StoredValue): boolean {
  if (a === b) return true;
  if (a instanceof StoredBinary || b instanceof StoredBinary) {
    return a instanceof StoredBinary && b instanceof StoredBinary && Buffer.compare(a.bytes, b.bytes) === 0;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => storedEqual(item, b[index] as StoredValue));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && storedEqual(a[key] as StoredValue, b[key] as StoredValue));
}

/** What a context reads back: JSON data (binary reads as an empty object here). */
export function toPlainData(value: StoredValue): unknown {
  if (value instanceof StoredBinary) return {};
  if (Array.isArray(value)) return value.map(toPlainData);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = toPlainData(value[key] as StoredValue);
    return out;
  }
  return value;
}

export function containsBinary(value: StoredValue): boolean {
  if (value instanceof StoredBinary) return true;
  if (Array.isArray(value)) return value.some(containsBinary);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsBinary);
  return false;
}

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** base::Value holds a number as an int when V8 has it as an int32, else as a double. */
const isInt = (n: number): boolean => Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff;

/**
 * base::NumberToString(double): the shortest digits, in exponent form from 1e12 up or below 1e-6
 * (double-conversion with decimal_in_shortest_high 12); base::JSONWriter adds ".0" to an integral one.
 */
function doubleText(n: number): string {
  const magnitude = Math.abs(n);
  let text = magnitude >= 1e12 || (magnitude < 1e-6 && magnitude !== 0) ? n.toExponential() : String(n);
  if (!/[.eE]/.test(text)) text += '.0';
  return text;
}

/** Lone surrogates become U+FFFD, as the UTF-16 to UTF-8 conversion makes them. */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** base::EscapeJSONString as JSONWriter uses it: control characters, '<', U+2028 and U+2029 escaped. */
function stringText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it escapes
  const escaped = wellFormed(text).replace(/["\\\u0000-\u001f<\u2028\u2029]/g, (char) => {
    switch (char) {
      case '"': return '\\"';
      case '\\': return '\\\\';
      case '\b': return '\\b';
      case '\f': return '\\f';
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** base::JSONWriter::Write of the value (binary is not JSON: nothing). */
export function jsonText(value: StoredValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return isInt(value) ? String(value) : doubleText(value);
  if (typeof value === 'string') return stringText(value);
  if (value instanceof StoredBinary) return '';
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${sortedKeys(value).map((key) => `${stringText(key)}:${jsonText(value[key] as StoredValue)}`).join(',')}}`;
}

/** What storage.local and storage.sync count for an item: its key and its JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: StoredValue): number {
  return utf8Length(key) + utf8Length(jsonText(value));
}

/** sizeof(base::Value), and of a base::Value::Dict entry (std::string, std::unique_ptr<Value>). */
const VALUE_SIZE = 32;
const DICT_ENTRY_SIZE = 32;

/**
 * base::trace_event::EstimateMemoryUsage(std::string) under Chromium's libc++: nothing for a short
 * string held inline (22 bytes or fewer), else its allocation (capacity + 1).
 */
function stringMemory(text: string): number {
  const length = utf8Length(text);
  if (length <= 22) return 0;
  let capacity = Math.ceil((length + 1) / 8) * 8 - 1;
  if (capacity === 23) capacity = 25;
  return capacity + 1;
}

/** base::Value::EstimateMemoryUsage (observed in Chromium 156 through storage.session.getBytesInUse). */
function valueMemory(value: StoredValue): number {
  if (typeof value === 'string') return stringMemory(value);
  if (value instanceof StoredBinary) return value.bytes.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + VALUE_SIZE + valueMemory(item), 0);
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).reduce((sum, key) => sum + DICT_ENTRY_SIZE + stringMemory(key) + VALUE_SIZE + valueMemory(value[key] as StoredValue), 0);
  }
  return 0;
}

/** What storage.session counts for an item (session_storage_manager.cc CalculateUsage). */
export function sessionItemBytes(key: string, value: StoredValue): number {
  return stringMemory(key) + valueMemory(value);
}
