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
  // What one level of nesting takes of the budget: in Chrome an array's frame is 13/12 of an object's.
  const ARRAY_NESTING_COST = 13;
  const OBJECT_NESTING_COST = 12;

  /** The objects being serialized, outermost first: meeting one again is a cycle. */
  let stack = [];
  let depth = 0;
  /** An upper bound of the UTF-8 length of the JSON text so far. */
  let bytes = 0;
  /** What nesting may still take of the budget (see snapshot). */
  let nestingLeft = Infinity;

  function enter(value, nestingCost) {
    nestingLeft -= nestingCost;
    if (nestingLeft < 0) throw new RangeErrorOfRealm('Maximum call stack size exceeded');
    for (let i = 0; i < depth; i++) {
      if (stack[i] === value) throw new TypeErrorOfRealm('Converting circular structure to JSON');
    }
    stack[depth++] = value;
  }

  function leave(nestingCost) {
    nestingLeft += nestingCost;
    stack[--depth] = undefined;
  }

  function toLength(value) {
    const number = +value;
    if (!(number > 0)) return 0;
    return number === Infinity ? 2 ** 53 - 1 : min(floor(number), 2 ** 53 - 1);
  }

  /** SerializeJSONProperty's first steps: toJSON, then the wrappers' primitive values. */
  function prepare(value, key) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
      const toJSON = value.toJSON;
      if (typeof toJSON === 'function') value = apply(toJSON, value, [key]);
    }
    if (typeof value === 'object' && value !== null) {
      if (isNumberObject(value)) return +value;
      if (isStringObject(value)) return `${value}`;
      if (isBooleanObject(value)) return apply(booleanValueOf, value, []);
      if (isBigIntObject(value)) throw new TypeErrorOfRealm('Do not know how to serialize a BigInt');
    }
    return value;
  }

  /** The rest of SerializeJSONProperty for a prepared value; undefined where JSON has nothing. */
  function serialize(value) {
    // Containers recurse from here, one frame per level of nesting: prepare() has returned.
    if (typeof value === 'object' && value !== null) return isArray(value) ? serializeArray(value) : serializeObject(value);
    return serializePrimitive(value);
  }

  function serializePrimitive(value) {
    switch (typeof value) {
      case 'string':
        // Each UTF-16 unit is at most six bytes of JSON (\u001f), plus the quotes.
        bytes += 2 + 6 * value.length;
        return value;
      case 'number':
        // The longest a number is written: "-0.0000013061686429230762" (a sign, "0.", five zeros
        // and 17 significant digits), one more than "-1.2345678901234567e-308".
        bytes += 25;
        // -0 is written "0"; NaN and the infinities "null".
        return isFinite(value) ? value + 0 : null;
      case 'boolean':
        bytes += 5;
        return value;
      case 'bigint':
        throw new TypeErrorOfRealm('Do not know how to serialize a BigInt');
      case 'object':
        bytes += 4;
        return null;
      default:
        return undefined;
    }
  }

  function serializeObject(value) {
    enter(value, OBJECT_NESTING_COST);
    const keys = objectKeys(value);
    const out = {};
    bytes += 2;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const prepared = prepare(value[key], key);
      // serialize() inlined, here and in serializeArray: one stack frame per level of nesting, so
      // that the host's stack allows at least the nesting Chrome's does (NESTING_BUDGET).
      const item =
        typeof prepared === 'object' && prepared !== null
          ? isArray(prepared)
            ? serializeArray(prepared)
            : serializeObject(prepared)
          : serializePrimitive(prepared);
      if (item === undefined) continue;
      bytes += 4 + 6 * key.length;
      // A key Object.prototype has (__proto__, toString, or one the realm's code added) is made
      // an own data property without running what the prototype has there.
      // (The descriptor has no prototype, so that a `get` or `set` on Object.prototype cannot join it.)
      if (key in out) defineProperty(out, key, { __proto__: null, value: item, writable: true, enumerable: true, configurable: true });
      else out[key] = item;
    }
    leave(OBJECT_NESTING_COST);
    return out;
  }

  function serializeArray(value) {
    enter(value, ARRAY_NESTING_COST);
    const length = toLength(value.length);
    if (length > MAX_ARRAY_LENGTH) throw new RangeErrorOfRealm('Invalid string length');
    const out = [];
    bytes += 2 + length;
    for (let i = 0; i < length; i++) {
      const prepared = prepare(value[i], `${i}`);
      const item =
        typeof prepared === 'object' && prepared !== null
          ? isArray(prepared)
            ? serializeArray(prepared)
            : serializeObject(prepared)
          : serializePrimitive(prepared);
      if (item === undefined) bytes += 4;
      out[i] = item === undefined ? null : item;
    }
    leave(ARRAY_NESTING_COST);
    return out;
  }

  /** The exact UTF-8 length of the JSON text of plain data. Iterative: nesting cannot overflow it. */
  function textBytes(data) {
    let total = 0;
    const pending = [data];
    while (pending.length > 0) {
      const item = pending[pending.length - 1];
      pending.length--;
      switch (typeof item) {
        case 'string':
          total += byteLength(stringifyJSON(item));
          continue;
        case 'number':
          total += `${item}`.length;
          continue;
        case 'boolean':
          total += item ? 4 : 5;
          continue;
      }
      if (item === null) {
        total += 4;
        continue;
      }
      if (isArray(item)) {
        total += 2 + (item.length > 0 ? item.length - 1 : 0);
        for (let i = 0; i < item.length; i++) pending[pending.length] = item[i];
        continue;
      }
      const keys = objectKeys(item);
      total += 2 + (keys.length > 0 ? keys.length - 1 : 0);
      for (let i = 0; i < keys.length; i++) {
        total += byteLength(stringifyJSON(keys[i])) + 1;
        pending[pending.length] = item[keys[i]];
      }
    }
    return total;
  }

  /** A new container for `data`, its children still the originals: copy() replaces them. */
  function shallow(data) {
    // Spread creates each property with CreateDataProperty, as JSON.parse does.
    return isArray(data) ? [] : { ...data };
  }

  /** Iterative, so that any nesting the snapshot allowed is copied whatever the stack. */
  function copy(data) {
    if (typeof data !== 'object' || data === null) return data;
    const root = shallow(data);
    const sources = [data];
    const targets = [root];
    while (sources.length > 0) {
      const source = sources[sources.length - 1];
      const target = targets[targets.length - 1];
      sources.length--;
      targets.length--;
      if (isArray(source)) {
        for (let i = 0; i < source.length; i++) {
          const item = source[i];
          if (typeof item !== 'object' || item === null) {
            target[i] = item;
            continue;
          }
          const child = shallow(item);
          target[i] = child;
          sources[sources.length] = item;
          targets[targets.length] = child;
        }
        continue;
      }
      const keys = objectKeys(target);
      for (let i = 0; i < keys.length; i++) {
        const item = target[keys[i]];
        if (typeof item !== 'object' || item === null) continue;
        const child = shallow(item);
        target[keys[i]] = child;
        sources[sources.length] = item;
        targets[targets.length] = child;
      }
    }
    return root;
  }

  return {
    /**
     * The message as JSON.stringify would write it (the top level as SerializeJSONProperty with
     * the key ""), as plain data of this realm, and an upper bound of its text's UTF-8 length.
     * Throws what JSON.stringify would throw, and RangeError where the stack runs out: in Chrome
     * that is where nesting has used `nestingBudget`, each array level taking
     * ARRAY_NESTING_COST of it and each object level OBJECT_NESTING_COST.
     */
    snapshot(value, nestingBudget = Infinity) {
      // A toJSON or getter may send a message of its own: the outer snapshot resumes after it.
      const outerStack = stack;
      const outerDepth = depth;
      const outerBytes = bytes;
      const outerNestingLeft = nestingLeft;
      stack = [];
      depth = 0;
      bytes = 0;
      nestingLeft = nestingBudget;
      try {
        const data = serialize(prepare(value, ''));
        return { data, maxBytes: bytes };
      } finally {
        stack = outerStack;
        depth = outerDepth;
        bytes = outerBytes;
        nestingLeft = outerNestingLeft;
      }
    },
    textBytes,
    copy,
    /** The realm's JSON.stringify as it was before the realm's code ran, for text a native host reads. */
    stringify: stringifyJSON,
  };
});
