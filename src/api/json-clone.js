/*
 * The JSON cloner: what JSON.parse(JSON.stringify(value)) gives, without the text between.
 *
 * This file is not a module: src/api/json-clone.ts compiles its one expression into every realm
 * (the host's, and each vm context's) before any code of that realm runs, so that the snapshot
 * runs in the sender's realm as Chrome's JSON.stringify does, copies are made of the receiver's
 * intrinsics as JSON.parse makes them, and nothing the realm's code patches later (Object.keys,
 * Array.prototype, Function.prototype.call, Math, JSON itself) can change either. It uses no
 * iterator, for the same reason.
 *
 * snapshot(value) follows SerializeJSONProperty (ECMA-262 25.5.2.2) step for step: the same Gets,
 * toJSON calls, ToNumber/ToString of wrappers and enumerations, in the same order, and the same
 * throws (cycles, BigInts). The result is plain data: objects, arrays, strings, finite numbers,
 * booleans and null, with undefined dropped from objects and turned into null in arrays.
 *
 * copy(data) makes that plain data anew of this realm's objects, each property created as
 * JSON.parse creates it (CreateDataProperty: no setter of Object.prototype runs).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the file is one expression: the factory.
(function createJsonCloner(host) {
  'use strict';
  const { isNumberObject, isStringObject, isBooleanObject, isBigIntObject, byteLength } = host;
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const isFinite = Number.isFinite;
  const booleanValueOf = Boolean.prototype.valueOf;
  const stringifyJSON = JSON.stringify;
  const TypeErrorOfRealm = TypeError;
  const RangeErrorOfRealm = RangeError;
  const floor = Math.floor;
  const min = Math.min;
  // An array longer than this has a JSON text longer than V8's longest string.
  const MAX_ARRAY_LENGTH = 2 ** 28;

  /** The objects being serialized, outermost first: meeting one again is a cycle. */
  let stack = [];
  let depth = 0;
  /** An upper bound of the UTF-8 length of the JSON text so far. */
  let bytes = 0;

  function enter(value) {
    for (let i = 0; i < depth; i++) {
      if (stack[i] === value) throw new TypeErrorOfRealm('Converting circular structure to JSON');
    }
    stack[depth++] = value;
  }

  function leave() {
    stack[--depth] = undefined;
  }

  function toLength(value) {
    const number = +value;
    if (!(number > 0)) return 0;
    return number === Infinity ? 2 ** 53 - 1 : min(floor(number), 2 ** 53 - 1);
  }

  function serializeProperty(value, key) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
      const toJSON = value.toJSON;
      if (typeof toJSON === 'function') value = apply(toJSON, value, [key]);
    }
    if (typeof value === 'object' && value !== null) {
      if (isNumberObject(value)) value = +value;
      else if (isStringObject(value)) value = `${value}`;
      else if (isBooleanObject(value)) value = apply(booleanValueOf, value, []);
      else if (isBigIntObject(value)) throw new TypeErrorOfRealm('Do not know how to serialize a BigInt');
    }
    switch (typeof value) {
      case 'string':
        // Each UTF-16 unit is at most six bytes of JSON (\u001f), plus the quotes.
        bytes += 2 + 6 * value.length;
        return value;
      case 'number':
        bytes += 24;
        // -0 is written "0"; NaN and the infinities "null".
        return isFinite(value) ? value + 0 : null;
      case 'boolean':
        bytes += 5;
        return value;
      case 'bigint':
        throw new TypeErrorOfRealm('Do not know how to serialize a BigInt');
      case 'undefined':
      case 'symbol':
      case 'function':
        return undefined;
    }
    if (value === null) {
      bytes += 4;
      return null;
    }
    return isArray(value) ? serializeArray(value) : serializeObject(value);
  }

  function serializeObject(value) {
    enter(value);
    const keys = objectKeys(value);
    const out = {};
    bytes += 2;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const item = serializeProperty(value[key], key);
      if (item === undefined) continue;
      bytes += 4 + 6 * key.length;
      // A key Object.prototype has (__proto__, toString, or one the realm's code added) is made
      // an own data property without running what the prototype has there.
      if (key in out) defineProperty(out, key, { value: item, writable: true, enumerable: true, configurable: true });
      else out[key] = item;
    }
    leave();
    return out;
  }

  function serializeArray(value) {
    enter(value);
    const length = toLength(value.length);
    if (length > MAX_ARRAY_LENGTH) throw new RangeErrorOfRealm('Invalid string length');
    const out = [];
    bytes += 2 + length;
    for (let i = 0; i < length; i++) {
      const item = serializeProperty(value[i], `${i}`);
      if (item === undefined) bytes += 4;
      out[i] = item === undefined ? null : item;
    }
    leave();
    return out;
  }

  /** The exact UTF-8 length of the JSON text of plain data. */
  function textBytes(data) {
    switch (typeof data) {
      case 'string':
        return byteLength(stringifyJSON(data));
      case 'number':
        return `${data}`.length;
      case 'boolean':
        return data ? 4 : 5;
    }
    if (data === null) return 4;
    let total = 2;
    if (isArray(data)) {
      for (let i = 0; i < data.length; i++) total += (i > 0 ? 1 : 0) + textBytes(data[i]);
      return total;
    }
    const keys = objectKeys(data);
    for (let i = 0; i < keys.length; i++) total += (i > 0 ? 1 : 0) + byteLength(stringifyJSON(keys[i])) + 1 + textBytes(data[keys[i]]);
    return total;
  }

  function copy(data) {
    if (typeof data !== 'object' || data === null) return data;
    if (isArray(data)) {
      const length = data.length;
      const out = [];
      for (let i = 0; i < length; i++) out[i] = copy(data[i]);
      return out;
    }
    // Spread creates each property with CreateDataProperty, as JSON.parse does.
    const out = { ...data };
    const keys = objectKeys(out);
    for (let i = 0; i < keys.length; i++) {
      const item = out[keys[i]];
      if (typeof item === 'object' && item !== null) out[keys[i]] = copy(item);
    }
    return out;
  }

  return {
    /**
     * The message as JSON.stringify would write it (the top level as SerializeJSONProperty with
     * the key ""), as plain data of this realm, and an upper bound of its text's UTF-8 length.
     * Throws what JSON.stringify would throw, and RangeError where the stack runs out.
     */
    snapshot(value) {
      // A toJSON or getter may send a message of its own: the outer snapshot resumes after it.
      const outerStack = stack;
      const outerDepth = depth;
      const outerBytes = bytes;
      stack = [];
      depth = 0;
      bytes = 0;
      try {
        const data = serializeProperty(value, '');
        return { data, maxBytes: bytes };
      } finally {
        stack = outerStack;
        depth = outerDepth;
        bytes = outerBytes;
      }
    },
    textBytes,
    copy,
  };
});
