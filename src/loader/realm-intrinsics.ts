/**
 * The intrinsics of every realm a sealed realm may meet (the host's, jsdom's windows', other
 * sealed realms'), each known by a name that is the same in every realm ("Function",
 * "Array.prototype", "AsyncFunction", "%IteratorPrototype%"…), so that a membrane can give its
 * realm its own intrinsic of that name instead of a foreign one: a foreign Function, even behind a
 * proxy, would compile code in its own realm.
 */
import vm from 'node:vm';

/** Finds, in the realm it runs in, each intrinsic by a name that is the same in every realm. */
const INTRINSICS_SOURCE = `(() => {
  const found = [];
  const add = (name, value) => { if ((typeof value === 'object' && value !== null) || typeof value === 'function') found.push([name, value]); };
  const builtins = ['Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp',
    'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl',
    'ArrayBuffer', 'Atomics', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
    'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
    'FinalizationRegistry', 'WeakRef', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval',
    'isFinite', 'isNaN', 'SharedArrayBuffer', 'WebAssembly', 'Iterator'];
  const methods = (name, object) => {
    for (const key of Object.getOwnPropertyNames(object)) {
      const member = Object.getOwnPropertyDescriptor(object, key).value;
      if (typeof member === 'function' && key !== 'constructor') add(name + '.' + key, member);
    }
  };
  for (const name of builtins) {
    const value = globalThis[name];
    if ((typeof value !== 'object' || value === null) && typeof value !== 'function') continue;
    add(name, value);
    if (typeof value === 'function' && value.prototype) add(name + '.prototype', value.prototype);
  }
  // Generic methods, which work on any object, a proxy too (a brand-checked one such as an
  // iterator's next must stay the foreign realm's, called on the object behind the proxy).
  methods('Object.prototype', Object.prototype);
  methods('Array.prototype', Array.prototype);
  methods('Function.prototype', Function.prototype);
  const kinds = { AsyncFunction: async function () {}, GeneratorFunction: function* () {}, AsyncGeneratorFunction: async function* () {} };
  for (const [name, sample] of Object.entries(kinds)) {
    const prototype = Object.getPrototypeOf(sample);
    add(name, prototype.constructor);
    add(name + '.prototype', prototype);
    add(name + '.prototype.prototype', prototype.prototype);
  }
  const iteratorOf = (value) => Object.getPrototypeOf(value[Symbol.iterator]());
  add('%ArrayIteratorPrototype%', iteratorOf([]));
  add('%IteratorPrototype%', Object.getPrototypeOf(iteratorOf([])));
  add('%MapIteratorPrototype%', iteratorOf(new Map()));
  add('%SetIteratorPrototype%', iteratorOf(new Set()));
  add('%StringIteratorPrototype%', iteratorOf(''));
  add('%RegExpStringIteratorPrototype%', Object.getPrototypeOf(/a/[Symbol.matchAll]('')));
  add('%AsyncIteratorPrototype%', Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  add('%TypedArray%', Object.getPrototypeOf(Int8Array));
  add('%TypedArray%.prototype', Object.getPrototypeOf(Int8Array.prototype));
  add('%ThrowTypeError%', Object.getOwnPropertyDescriptor(function () { 'use strict'; return arguments; }(), 'callee').get);
  add('Function.prototype[Symbol.hasInstance]', Function.prototype[Symbol.hasInstance]);
  return found;
})()`;

const intrinsicsScript = new vm.Script(INTRINSICS_SOURCE, { filename: 'switchboard:intrinsics' });

/** Every intrinsic of every realm registered so far, by its realm-independent name. */
const intrinsicNames = new WeakMap<object, string>();
/** Realms whose intrinsics are registered: their vm contexts, and their Function.prototype. */
const registeredRealms = new WeakSet<object>();

/** The intrinsics of the realm of `vmContext` (the host's without one), by name. */
export function intrinsicsOf(vmContext: vm.Context | undefined): [string, object][] {
  return (vmContext ? intrinsicsScript.runInContext(vmContext) : intrinsicsScript.runInThisContext()) as [string, object][];
}

/**
 * Registers the intrinsics of a realm whose objects may reach a sealed realm (jsdom's windows, the
 * host's own with no argument), so that they are mapped to the sealed realm's own.
 */
export function registerForeignRealm(vmContext?: vm.Context): void {
  const key = vmContext ?? globalThis;
  if (registeredRealms.has(key)) return;
  registeredRealms.add(key);
  registerIntrinsics(intrinsicsOf(vmContext));
}

/** Marks a realm as registered, its intrinsics to come when first asked for. */
export function markRealmRegistered(key: object): void {
  registeredRealms.add(key);
}

/**
 * Learns the realm of a foreign function met for the first time (a jsdom iframe's window is a
 * realm nobody registered): from its prototype chain, that realm's Function.prototype and so its
 * Function, with which its intrinsics are found and registered. Returns whether it learned one.
 */
export function learnRealmOf(fn: object): boolean {
  let prototype: object | null = fn;
  for (let depth = 0; depth < 4 && prototype !== null; depth++) {
    prototype = Reflect.getPrototypeOf(prototype);
    if (prototype === null || registeredRealms.has(prototype)) return false;
    const constructor = Reflect.getOwnPropertyDescriptor(prototype, 'constructor')?.value as unknown;
    // A Function.prototype: its constructor's prototype, inheriting from an Object.prototype.
    const base = Reflect.getPrototypeOf(prototype);
    if (typeof constructor !== 'function' || constructor.prototype !== prototype || base === null || Reflect.getPrototypeOf(base) !== null) continue;
    registeredRealms.add(prototype);
    try {
      registerIntrinsics((constructor as FunctionConstructor)(`return ${INTRINSICS_SOURCE}`)() as [string, object][]);
      return true;
    } catch {
      // A realm that cannot compile code has nothing to map.
      return false;
    }
  }
  return false;
}

/** Registers the intrinsics of a realm under their names (the first realm to register an object names it). */
export function registerIntrinsics(found: Iterable<readonly [string, object]>): void {
  for (const [name, value] of found) {
    if (!intrinsicNames.has(value)) intrinsicNames.set(value, name);
    if (name === 'Function.prototype') registeredRealms.add(value);
  }
}

/** The realm-independent name of `value`, if it is an intrinsic of a registered realm. */
export function intrinsicName(value: object): string | undefined {
  return intrinsicNames.get(value);
}

/**
 * Learns the realm of a foreign object met for the first time, from the end of its prototype
 * chain: that realm's Object.prototype, whose constructor is its Object, a function (learnRealmOf).
 */
export function learnRealmOfObject(object: object): boolean {
  let prototype: object | null = object;
  for (let depth = 0; depth < 64; depth++) {
    const next: object | null = Reflect.getPrototypeOf(prototype);
    if (next === null) break;
    prototype = next;
  }
  if (prototype === object || intrinsicNames.has(prototype)) return false;
  const constructor = Reflect.getOwnPropertyDescriptor(prototype, 'constructor')?.value as unknown;
  return typeof constructor === 'function' && learnRealmOf(constructor);
}
