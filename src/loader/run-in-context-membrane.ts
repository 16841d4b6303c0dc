import { types } from 'node:util';

/** Runs `fn` as code of one context. */
export type Enter = <T>(fn: () => T) => T;

/**
 * A membrane around a context's API objects, for code that finds the context through the host's
 * async context instead of a realm of its own (runInContext: the user's own modules, in the host
 * realm; not a seal, which is membrane.ts's work). Every function the code hands to the API (a
 * listener, a callback) is wrapped to run inside `enter`, so that a listener registered by a
 * module run as the service worker runs as the service worker, whichever context's message
 * triggers it. API objects handed back (namespaces, events, ports, functions) are wrapped the
 * same way; data handed out (messages, senders) and promises pass unchanged.
 * Wrappers are cached, so removeListener(fn) finds the listener addListener(fn) added.
 */
export function createRunInContextMembrane(enter: Enter): <T>(value: T) => T {
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  const callbacks = new WeakMap<object, object>();

  /** A value the API hands out (a result, a callback's argument): plain data and promises pass as they are. */
  const outward = (value: unknown): unknown => {
    if (typeof value === 'function' || (typeof value === 'object' && value !== null && !isPlain(value) && !types.isPromise(value))) {
      return proxyOf(value);
    }
    return value;
  };

  /** A property of an API object: a namespace (chrome.runtime) is a plain object, and is wrapped too. */
  const member = (value: unknown): unknown =>
    (typeof value === 'object' && value !== null && !types.isPromise(value)) || typeof value === 'function' ? proxyOf(value) : value;

  const inward = (value: unknown): unknown => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return value;
    const target = targets.get(value);
    if (target) return target;
    return typeof value === 'function' ? callbackOf(value as (...args: unknown[]) => unknown) : value;
  };

  const callbackOf = (fn: (...args: unknown[]) => unknown): unknown => {
    let callback = callbacks.get(fn);
    if (!callback) {
      callback = function (this: unknown, ...args: unknown[]) {
        return enter(() => fn.apply(this, args.map(outward)));
      };
      callbacks.set(fn, callback);
    }
    return callback;
  };

  const proxyOf = (target: object): object => {
    let proxy = proxies.get(target);
    if (!proxy) {
      proxy = new Proxy(target, {
        get(object, property) {
          const value: unknown = Reflect.get(object, property);
          const own = Reflect.getOwnPropertyDescriptor(object, property);
          // A proxy must return a frozen property's own value.
          if (own && !own.configurable && own.writable === false) return value;
          return member(value);
        },
        set: (object, property, value) => Reflect.set(object, property, inward(value)),
        apply: (fn, thisArg, args: unknown[]) =>
          outward(Reflect.apply(fn as (...args: unknown[]) => unknown, inward(thisArg), args.map(inward))),
      });
      proxies.set(target, proxy);
      targets.set(proxy, target);
    }
    return proxy;
  };

  return <T>(value: T) => member(value) as T;
}

/** Plain data (a message, a sender): an array, or an object whose prototype is a realm's Object.prototype or none. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
