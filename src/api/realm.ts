import type { ScriptContext } from '../core/context.ts';
import { compileJsonCloner, type JsonCloner } from './json-clone.ts';

/**
 * The intrinsics of the JavaScript realm a context runs in. Objects the API hands to a context
 * (errors, promises, parsed messages) are made with that realm's constructors, so that code
 * running in a `vm` context sees its own `Error`, `Promise` and `Object`.
 */
export interface Realm {
  readonly Error: ErrorConstructor;
  readonly TypeError: TypeErrorConstructor;
  readonly Promise: PromiseConstructor;
  readonly JSON: JSON;
  /**
   * The realm's JSON cloner (compileJsonCloner), compiled before the realm's own code ran.
   * Without one, the context's messages cross as JSON text, through the realm's JSON.
   */
  readonly jsonCloner?: JsonCloner;
  /**
   * A plain anonymous function of the realm calling `body` (a sealed realm's: see
   * src/loader/membrane.ts); without one, the API hands out its own functions.
   */
  readonly ownFunction?: <F extends (...args: never[]) => unknown>(body: F) => F;
}

export const HOST_REALM: Realm = { Error, TypeError, Promise, JSON, jsonCloner: compileJsonCloner() };

const realms = new WeakMap<ScriptContext, Realm>();

/** Binds a context to the realm its code runs in; call before the context's `chrome` is first used. */
export function setContextRealm(context: ScriptContext, realm: Realm): void {
  realms.set(context, realm);
}

export function realmOf(context: ScriptContext): Realm {
  return realms.get(context) ?? HOST_REALM;
}

/**
 * An exception the bindings throw synchronously. Chrome's have an own enumerable `message`
 * (Object.keys(error) is ["message"], observed in Chromium 156); rejections' errors do not.
 */
export function bindingError<K extends 'Error' | 'TypeError'>(realm: Pick<Realm, K>, kind: K, message: string): Error {
  const error = new realm[kind](message);
  Object.defineProperty(error, 'message', { value: message, enumerable: true, writable: true, configurable: true });
  return error;
}
