/**
 * The membrane between a context's realm and everything outside it (the host's objects, jsdom's,
 * other realms'). Code in a realm only ever holds values its own realm made, or proxies that this
 * membrane made for it; a proxy answers every question about the object behind it with values of
 * the realm: its prototype chain ends in the realm's own Object.prototype, its functions'
 * constructor is the realm's own Function, what it throws and returns is wrapped in turn. So
 * `chrome.runtime.sendMessage.constructor.constructor('return process')()` builds a function of
 * the realm, where there is no `process`.
 *
 * - Known intrinsics of any realm (Object, Function, AsyncFunction, Array.prototype, …) are
 *   replaced by the realm's own of the same name, never wrapped (realm-intrinsics.ts).
 * - Bytes (ArrayBuffers, typed arrays) are copied into the realm's own, as its API makes them.
 * - A realm function handed out (a listener, a callback, an event handler) is called through a
 *   wrapper that wraps its arguments, and calls it from the realm (so that an `eval` handed out
 *   compiles its import() as the realm's); the same wrapper every time, so removeListener finds it.
 * - Symbol-keyed properties the realm did not use are hidden (jsdom's and Node's internal slots).
 * - Properties a realm adds to a foreign object (expandos) live in the realm's own view of it, as
 *   each world of a page has its own wrappers of the same DOM node in Chrome.
 *
 * Each proxy stands over a "shadow" target of its own (which holds those expandos, and copies of
 * what the object behind has frozen, so that the Proxy invariants hold). The traps are shared by
 * a membrane's proxies and called through functions of the realm: a stack overflow that strikes
 * on the way into the host is then an error of the realm, never one of the host.
 */
import vm from 'node:vm';
import { types } from 'node:util';
import { callInRealm } from './module-graph.ts';
import { PerRealmValue } from './per-realm-value.ts';
import { adoptClone } from './structured-clone.ts';
import { intrinsicName, intrinsicsOf, learnRealmOf, learnRealmOfObject, markRealmRegistered, registerForeignRealm, registerIntrinsics } from './realm-intrinsics.ts';

/** Every membrane's proxies, each to the object behind it: a proxy never stands for another. */
const targets = new WeakMap<object, object>();

/** Every membrane's host-callable stand-ins of realm functions, each to the realm function. */
const realmFunctions = new WeakMap<object, object>();

/** The realm function behind a membrane's host-callable stand-in, or `value` itself. */
export function unwrapCallback<T>(value: T): T {
  return (typeof value === 'function' ? (realmFunctions.get(value) ?? value) : value) as T;
}

/** The object behind a membrane's proxy, or `value` itself. */
export function unwrapProxy<T>(value: T): T {
  return ((typeof value === 'object' && value !== null) || typeof value === 'function' ? (targets.get(value as object) ?? value) : value) as T;
}

/** The well-known symbols: the same in every realm, never hidden. */
const WELL_KNOWN_SYMBOLS = new Set(
  Object.getOwnPropertyNames(Symbol)
    .map((name) => (Symbol as unknown as Record<string, unknown>)[name])
    .filter((value): value is symbol => typeof value === 'symbol'),
);

/**
 * Made in the realm: wraps a host trap so that what it throws, and a stack overflow on the way in
 * or out, reach the realm as values of the realm (`seal` may itself overflow: then `overflow`,
 * a RangeError the realm made in advance).
 */
const TRAP_WRAPPER = new vm.Script(
  `'use strict'; ((seal, overflow) => (trap) => function (shadow, a, b, c) {
    try { return trap(shadow, a, b, c); }
    catch (error) { let sealed; try { sealed = seal(error); } catch { sealed = overflow; } throw sealed; }
  })`,
  { filename: 'switchboard:membrane' },
);

/**
 * Made in the realm: a function of the realm whose body is a host function, sealed as a trap is;
 * strict, so that like Chrome's it has no own `arguments` and `caller`.
 */
const OWN_FUNCTION = new vm.Script(
  `'use strict'; ((seal, overflow) => (body) => function (...args) {
    try { return body(...args); }
    catch (error) { let sealed; try { sealed = seal(error); } catch { sealed = overflow; } throw sealed; }
  })`,
  { filename: 'switchboard:membrane' },
);

export interface Membrane {
  /** A value as the realm may hold it: the realm's own values unchanged, everything else wrapped. */
  toRealm<T>(value: T): T;
  /** A value the realm handed out, as the outside should use it: the object behind a wrapper, a wrapped realm function. */
  toHost<T>(value: T): T;
  /** Whether `value` is an object or function the realm made itself. */
  isOwn(value: object): boolean;
  /**
   * A plain anonymous function of the realm that calls `body` with its arguments (what the API
   * makes anew for each message, as sendResponse: cheaper than a proxy each time).
   */
  ownFunction<F extends (...args: never[]) => unknown>(body: F): F;
  /** A structured clone the host made (structured-clone.ts), as the realm's own objects. */
  adoptClone(clone: unknown): unknown;
  /** The realm's own intrinsic of that name ("Proxy", "Array"…; realm-intrinsics.ts). */
  intrinsic(name: string): unknown;
}

export interface MembraneOptions {
  /**
   * Foreign objects that stand for a local one and back: a document's jsdom window is, to the
   * page's worlds, their own global.
   */
  readonly substitutes?: readonly (readonly [foreign: object, local: object])[];
  /**
   * The realm whose objects several realms share (a document's jsdom window, shared by the page's
   * worlds). A data property the realm writes on one of them (a method of a prototype, a
   * constant) is written in its own view only, as each world has its own prototypes in Chrome: a
   * page replacing `HTMLElement.prototype.click` does not change it for a content script.
   * Accessors (the DOM's state: `id`, `textContent`, `onclick`) still act on the shared object.
   */
  readonly shared?: vm.Context;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** What a membrane keeps of one proxy, by its shadow. */
interface Wrapped {
  readonly target: object;
  readonly proxy: object;
  /** A legacy platform object (jsdom's DOMStringMap, Storage: a Proxy itself), which takes new keys itself. */
  readonly exotic: boolean;
  /** addEventListener(type, listener) may be given an object, whose handleEvent the DOM calls. */
  readonly takesListener: boolean;
  /** An object of the shared realm (MembraneOptions.shared): its data properties are written in the view. */
  readonly shared: boolean;
}

/** Creates the membrane of the realm of `vmContext`. */
export function createMembrane(vmContext: vm.Context, options: MembraneOptions = {}): Membrane {
  registerForeignRealm();
  const [objectPrototype, functionPrototype, arrayPrototype, promisePrototype, stackOverflow] = vm.runInContext(
    '[Object.prototype, Function.prototype, Array.prototype, Promise.prototype, new RangeError("Maximum call stack size exceeded")]',
    vmContext,
  ) as [object, object, object, object, object];
  // The realm's own intrinsics by name, found before its code runs (which may replace its globals).
  markRealmRegistered(vmContext);
  const found = intrinsicsOf(vmContext);
  const local = new Map(found);
  registerIntrinsics(found);

  const proxies = new WeakMap<object, object>();
  const wrapped = new WeakMap<object, Wrapped>();
  /** Realm functions (and EventListener objects), and the host-callable stand-in of each. */
  const callbacks = new WeakMap<object, AnyFunction>();
  const callbackTargets = new WeakMap<object, object>();
  /** Symbols the realm used as keys: its own, never hidden from it. */
  const realmSymbols = new Set<symbol>();
  /** Keys the realm wrote in its views of shared objects (looked up along its own views from then on). */
  const overridden = new Set<PropertyKey>();
  const sharedPrototype = options.shared ? (vm.runInContext('Object.prototype', options.shared) as object) : undefined;
  const toLocal = new Map<object, object>();
  const toForeign = new Map<object, object>();
  for (const [foreign, substitute] of options.substitutes ?? []) {
    toLocal.set(foreign, substitute);
    toForeign.set(substitute, foreign);
  }

  const isOwn = (value: object): boolean => {
    if (toForeign.has(value)) return true;
    try {
      // Objects of the realm reach its Object.prototype; its functions, its Function.prototype first.
      let prototype = Reflect.getPrototypeOf(value);
      for (let depth = 0; prototype !== null && depth < 64; depth++) {
        if (prototype === objectPrototype || prototype === functionPrototype) return true;
        prototype = Reflect.getPrototypeOf(prototype);
      }
    } catch {
      return false;
    }
    return false;
  };

  const visibleSymbol = (key: PropertyKey): boolean =>
    typeof key !== 'symbol' || WELL_KNOWN_SYMBOLS.has(key) || realmSymbols.has(key) || Symbol.keyFor(key) !== undefined;
  /**
   * Whether the realm sees a foreign object's property. Hidden: symbols it did not use, and names
   * starting with "_", which no Web IDL or chrome.* member has and jsdom's, Node's and
   * fake-indexeddb's internals do (a jsdom window's `_document` is the document's implementation,
   * and its getters called on its prototype corrupt jsdom's tree). A legacy platform object
   * (dataset, localStorage) shows every name it holds.
   */
  const visible = ({ exotic }: Wrapped, key: PropertyKey): boolean =>
    typeof key === 'string' ? exotic || key.charCodeAt(0) !== 95 /* _ */ : visibleSymbol(key);

  const toRealm = (value: unknown): unknown => {
    if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return value;
    // The realm's own objects, functions, arrays and promises, at once (the API's answers, the messages).
    const prototype = Reflect.getPrototypeOf(value as object);
    if (prototype === objectPrototype || prototype === functionPrototype || prototype === arrayPrototype || prototype === promisePrototype) return value;
    // Another realm's proxy of a foreign object: this realm gets its own view of the same object.
    const object = targets.get(value as object) ?? (value as object);
    const proxy = proxies.get(object);
    if (proxy) return proxy;
    if (PerRealmValue.is(object)) return object.forRealm(membrane);
    const name = intrinsicName(object);
    if (name !== undefined) {
      const own = local.get(name);
      if (own) return own;
    }
    const substitute = toLocal.get(object);
    if (substitute) return substitute;
    const realmFunction = callbackTargets.get(object);
    if (realmFunction) return realmFunction;
    if (isOwn(object)) return object;
    // An object of a realm met for the first time (a jsdom iframe's window): learn its intrinsics.
    if (typeof object === 'function' ? learnRealmOf(object) : learnRealmOfObject(object)) return toRealm(object);
    if (types.isArrayBuffer(object) || types.isArrayBufferView(object)) return bytesOf(object);
    return proxyOf(object);
  };

  const toHost = (value: unknown): unknown => {
    if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return value;
    const target = targets.get(value as object);
    if (target) return target;
    if (typeof value === 'function') return callbackOf(value as AnyFunction);
    return value;
  };

  /**
   * The receiver of a foreign method: the realm's global stands for what it substitutes (a
   * window's methods called on the world's global act on the jsdom window). As an argument, the
   * global is passed as it is, so that the host compares it with what it handed out.
   */
  const receiverToHost = (value: unknown): unknown => toForeign.get(value as object) ?? toHost(value);

  /**
   * Bytes the outside hands out (an encoder's output, a body's ArrayBuffer, a stream's chunks): the
   * realm's own ArrayBuffer or view of a copy, as its own API would have made them; the host's
   * code reads realm buffers as its own. The same copy each time the same object is handed out.
   */
  const bytesOf = (bytes: ArrayBuffer | ArrayBufferView): object => {
    const buffer = types.isArrayBuffer(bytes) ? bytes : bytes.buffer;
    if (!types.isArrayBuffer(buffer)) return proxyOf(bytes); // a SharedArrayBuffer's memory is shared, not copied
    const OwnArrayBuffer = local.get('ArrayBuffer') as ArrayBufferConstructor;
    let copy: object;
    if (types.isArrayBuffer(bytes)) {
      copy = new OwnArrayBuffer(bytes.byteLength);
      new Uint8Array(copy as ArrayBuffer).set(new Uint8Array(bytes));
    } else {
      const view = bytes as ArrayBufferView & { length?: number };
      const ownBuffer = new OwnArrayBuffer(view.byteLength);
      new Uint8Array(ownBuffer).set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
      // Node's Buffer is a Uint8Array to the realm.
      const name = types.isDataView(view) ? 'DataView' : Object.prototype.toString.call(view).slice(8, -1);
      const OwnView = local.get(name) as new (buffer: ArrayBuffer, offset?: number, length?: number) => object;
      copy = types.isDataView(view) ? new OwnView(ownBuffer) : new OwnView(ownBuffer, 0, view.length);
    }
    proxies.set(bytes, copy);
    return copy;
  };

  /** The host-callable form of a realm function: what the outside passes it is wrapped first. */
  const callbackOf = (fn: AnyFunction): AnyFunction => {
    let callback = callbacks.get(fn);
    if (!callback) {
      callback = function (this: unknown, ...args: unknown[]): unknown {
        for (let index = 0; index < args.length; index++) args[index] = toRealm(args[index]);
        return toHost(callInRealm(vmContext, fn, toRealm(this), args));
      };
      callbacks.set(fn, callback);
      callbackTargets.set(callback, fn);
      realmFunctions.set(callback, fn);
    }
    return callback;
  };

  /**
   * An EventListener object of the realm (`{ handleEvent(event) {…} }`), as the outside calls it:
   * a stand-in whose handleEvent, read at each dispatch as the DOM reads it, is the wrapped
   * realm method. The same stand-in every time, so removeEventListener finds it.
   */
  const listenerObjectOf = (listener: object): object => {
    let standIn = callbacks.get(listener);
    if (!standIn) {
      const object = Object.create(null) as Record<string, unknown>;
      Object.defineProperty(object, 'handleEvent', { get: () => toHost((listener as { handleEvent?: unknown }).handleEvent) });
      standIn = object as unknown as AnyFunction;
      callbacks.set(listener, standIn);
      callbackTargets.set(standIn, listener);
    }
    return standIn;
  };

  const descriptorToRealm = (descriptor: PropertyDescriptor): PropertyDescriptor => {
    const result: PropertyDescriptor = { configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if ('value' in descriptor || 'writable' in descriptor) {
      result.value = toRealm(descriptor.value);
      result.writable = descriptor.writable;
    } else {
      result.get = toRealm(descriptor.get) as PropertyDescriptor['get'];
      result.set = toRealm(descriptor.set) as PropertyDescriptor['set'];
    }
    return result;
  };

  const descriptorToHost = (descriptor: PropertyDescriptor): PropertyDescriptor => {
    const result: PropertyDescriptor = { ...descriptor };
    if ('value' in descriptor) result.value = toHost(descriptor.value);
    if ('get' in descriptor) result.get = toHost(descriptor.get) as PropertyDescriptor['get'];
    if ('set' in descriptor) result.set = toHost(descriptor.set) as PropertyDescriptor['set'];
    return result;
  };

  const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);
  /** A realm's expando, or its own value of a shared object's data property: on the shadow, not on the object behind. */
  const isExpando = (shadow: object, { target, exotic, shared }: Wrapped, key: PropertyKey): boolean =>
    !exotic && hasOwn(shadow, key) && (shared || !hasOwn(target, key));
  /** Whether a write of `key` stays in the realm's view: a new key, or a data property of a shared object. */
  const writesInView = ({ target, exotic, shared }: Wrapped, key: PropertyKey): boolean => {
    if (exotic) return false;
    if (!shared) return !Reflect.has(target, key);
    const descriptor = findDescriptor(target, key);
    return descriptor === undefined || 'value' in descriptor;
  };
  const wrappedOf = (shadow: object): Wrapped => wrapped.get(shadow)!;
  const receiverOf = (receiver: unknown, { proxy, target }: Wrapped): unknown => (receiver === proxy ? target : receiverToHost(receiver));

  /** The target can no longer change shape: so must the shadow, with the same own properties. */
  const freezeShadow = (shadow: object, entry: Wrapped): void => {
    const { target } = entry;
    for (const key of Reflect.ownKeys(target).filter((name) => visible(entry, name))) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (descriptor && !hasOwn(shadow, key)) Reflect.defineProperty(shadow, key, descriptorToRealm(descriptor));
    }
    Reflect.setPrototypeOf(shadow, toRealm(Reflect.getPrototypeOf(target)) as object | null);
    Reflect.preventExtensions(shadow);
  };

  const traps: ProxyHandler<object> = {
    get(shadow, key, receiver) {
      const entry = wrappedOf(shadow);
      if (isExpando(shadow, entry, key)) return Reflect.get(shadow, key, receiver);
      if (!visible(entry, key)) return undefined;
      // A key the realm wrote on a shared prototype is looked up along the realm's own views.
      if (entry.shared && overridden.has(key) && !hasOwn(entry.target, key)) {
        const prototype = Reflect.getPrototypeOf(entry.target);
        return prototype === null ? undefined : Reflect.get(toRealm(prototype) as object, key, receiver);
      }
      return toRealm(Reflect.get(entry.target, key, receiverOf(receiver, entry)));
    },
    set(shadow, key, value, receiver) {
      const entry = wrappedOf(shadow);
      const { target } = entry;
      if (typeof key === 'symbol') realmSymbols.add(key);
      // A realm object inheriting from this one: without a setter, the property is its own.
      if (receiver !== entry.proxy && findSetter(target, key) === undefined) {
        return Reflect.defineProperty(receiver as object, key, { value, writable: true, enumerable: true, configurable: true });
      }
      if (isExpando(shadow, entry, key) || writesInView(entry, key)) {
        if (entry.shared) overridden.add(key);
        return Reflect.set(shadow, key, value);
      }
      return Reflect.set(target, key, toHost(value), receiverOf(receiver, entry));
    },
    has(shadow, key) {
      const entry = wrappedOf(shadow);
      if (isExpando(shadow, entry, key)) return true;
      return visible(entry, key) && Reflect.has(entry.target, key);
    },
    deleteProperty(shadow, key) {
      const entry = wrappedOf(shadow);
      if (isExpando(shadow, entry, key)) return Reflect.deleteProperty(shadow, key);
      // What the page's worlds share is not the realm's to remove.
      if (entry.shared && writesInView(entry, key)) return true;
      return Reflect.deleteProperty(entry.target, key);
    },
    ownKeys(shadow) {
      const entry = wrappedOf(shadow);
      const keys = Reflect.ownKeys(entry.target).filter((key) => visible(entry, key));
      for (const key of Reflect.ownKeys(shadow)) if (!keys.includes(key)) keys.push(key);
      return keys;
    },
    getOwnPropertyDescriptor(shadow, key) {
      const entry = wrappedOf(shadow);
      if (isExpando(shadow, entry, key)) return Reflect.getOwnPropertyDescriptor(shadow, key);
      if (!visible(entry, key)) return undefined;
      const descriptor = Reflect.getOwnPropertyDescriptor(entry.target, key);
      if (descriptor === undefined) return undefined;
      const result = descriptorToRealm(descriptor);
      if (descriptor.configurable) return result;
      // A non-configurable property must be the shadow's too, with the same attributes.
      Reflect.defineProperty(shadow, key, result);
      return Reflect.getOwnPropertyDescriptor(shadow, key);
    },
    defineProperty(shadow, key, descriptor) {
      const entry = wrappedOf(shadow);
      const { target } = entry;
      if (typeof key === 'symbol') realmSymbols.add(key);
      if (writesInView(entry, key)) {
        if (entry.shared) overridden.add(key);
        return Reflect.defineProperty(shadow, key, descriptor);
      }
      const defined = Reflect.defineProperty(target, key, descriptorToHost(descriptor));
      if (defined && descriptor.configurable === false) Reflect.defineProperty(shadow, key, descriptor);
      return defined;
    },
    getPrototypeOf(shadow) {
      return toRealm(Reflect.getPrototypeOf(wrappedOf(shadow).target)) as object | null;
    },
    setPrototypeOf(shadow, prototype) {
      return Reflect.setPrototypeOf(wrappedOf(shadow).target, toHost(prototype) as object | null);
    },
    isExtensible(shadow) {
      const entry = wrappedOf(shadow);
      const extensible = Reflect.isExtensible(entry.target);
      if (!extensible && Reflect.isExtensible(shadow)) freezeShadow(shadow, entry);
      return extensible;
    },
    preventExtensions(shadow) {
      const entry = wrappedOf(shadow);
      const prevented = Reflect.preventExtensions(entry.target);
      if (prevented) freezeShadow(shadow, entry);
      return prevented;
    },
    apply(shadow, thisArg, args: unknown[]) {
      const { target, takesListener } = wrappedOf(shadow);
      const hostArgs = args;
      for (let index = 0; index < hostArgs.length; index++) hostArgs[index] = toHost(hostArgs[index]);
      if (takesListener && typeof hostArgs[1] === 'object' && hostArgs[1] !== null && isOwn(hostArgs[1])) hostArgs[1] = listenerObjectOf(hostArgs[1]);
      return toRealm(Reflect.apply(target as AnyFunction, receiverToHost(thisArg), hostArgs));
    },
    construct(shadow, args: unknown[], newTarget) {
      const entry = wrappedOf(shadow);
      // A realm class extending a foreign one: its instances take the realm class's prototype.
      const constructor = newTarget === entry.proxy ? entry.target : newTarget;
      return toRealm(Reflect.construct(entry.target as new (...args: unknown[]) => object, args.map(toHost), constructor as AnyFunction)) as object;
    },
  };

  /** What a trap throws, as the realm may catch it. */
  const thrownToRealm = (error: unknown): unknown => toRealm(error);
  type Wrapper = (seal: typeof thrownToRealm, overflow: object) => (body: unknown) => unknown;
  const wrapTrap = (TRAP_WRAPPER.runInContext(vmContext) as Wrapper)(thrownToRealm, stackOverflow);
  const ownFunction = (OWN_FUNCTION.runInContext(vmContext) as Wrapper)(thrownToRealm, stackOverflow);
  const handler = Object.fromEntries(Object.entries(traps).map(([name, trap]) => [name, wrapTrap(trap)])) as ProxyHandler<object>;

  const proxyOf = (target: object): object => {
    const callable = typeof target === 'function';
    // Array.isArray sees through a proxy to its target: an array's shadow is an array. A shadow's
    // own `length`, `name` (and `prototype`) are never read: the target's are.
    const shadow: object = callable ? (isConstructor(target) ? function () {} : () => {}) : Array.isArray(target) ? [] : Object.create(null);
    const proxy = new Proxy(shadow, handler);
    wrapped.set(shadow, {
      target,
      proxy,
      exotic: types.isProxy(target),
      takesListener: callable && /^(add|remove)EventListener$/.test(String((target as AnyFunction).name)),
      shared: !callable && sharedPrototype !== undefined && inherits(target, sharedPrototype),
    });
    proxies.set(target, proxy);
    targets.set(proxy, target);
    return proxy;
  };

  const membrane: Membrane = {
    toRealm: toRealm as <T>(value: T) => T,
    toHost: toHost as <T>(value: T) => T,
    isOwn,
    ownFunction: ownFunction as Membrane['ownFunction'],
    adoptClone: (clone) => adoptClone(clone, (name) => local.get(name)),
    intrinsic: (name) => local.get(name),
  };
  return membrane;
}

/** Whether `fn` can be called with `new` (without calling it). */
function isConstructor(fn: object): boolean {
  // Functions made by `function` and `class` have a prototype; arrows and methods have none, and
  // only bound functions need the costlier test.
  if (Object.prototype.hasOwnProperty.call(fn, 'prototype')) return true;
  if (!String((fn as AnyFunction).name).startsWith('bound ')) return false;
  try {
    Reflect.construct(String, [], fn as AnyFunction);
    return true;
  } catch {
    return false;
  }
}

/** The property `key` of `object`, its own or its prototypes', if any. */
function findDescriptor(object: object, key: PropertyKey): PropertyDescriptor | undefined {
  for (let current: object | null = object; current !== null; current = Reflect.getPrototypeOf(current)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(current, key);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/** The setter `key` has on `object` or its prototypes, if any. */
export function findSetter(object: object, key: PropertyKey): AnyFunction | undefined {
  return findDescriptor(object, key)?.set as AnyFunction | undefined;
}

/** Whether `prototype` is on the prototype chain of `object`. */
function inherits(object: object, prototype: object): boolean {
  let current: object | null = object;
  for (let depth = 0; depth < 64 && current !== null; depth++) {
    current = Reflect.getPrototypeOf(current);
    if (current === prototype) return true;
  }
  return false;
}
