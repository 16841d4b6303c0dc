import vm from 'node:vm';
import type { ScriptContext } from '../core/context.ts';
import { compileJsonCloner } from '../api/json-clone.ts';
import { setContextRealm, type Realm } from '../api/realm.ts';
import { reportUnhandledRejections } from './uncaught.ts';

/** The global object of a realm, as the host sees it. */
export type RealmGlobal = Record<PropertyKey, unknown>;

/** The isolated JavaScript realm (a node:vm context) one ScriptContext runs its code in. */
export interface ContextRealm {
  readonly context: ScriptContext;
  readonly vmContext: vm.Context;
  readonly global: RealmGlobal;
  /** The realm's Object.prototype: every object made in the realm inherits from it. */
  readonly objectPrototype: object;
  /** Runs a classic script in the realm; what it throws propagates to the caller. */
  evaluate(source: string, url: string): unknown;
}

const realms = new WeakMap<ScriptContext, ContextRealm>();

/** The realm the loader gave `context`, if it gave it one. */
export function realmOfContext(context: ScriptContext): ContextRealm | undefined {
  return realms.get(context);
}

/** Defines a global the way Web IDL does: writable and configurable. */
export function defineGlobal(global: RealmGlobal, name: string, value: unknown): void {
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Makes `vmContext` the realm of `context`: the API builds the context's errors, promises and
 * messages with this realm's intrinsics, and the realm gets the context's own `chrome` (and
 * `browser`, where Chrome aliases it). Must run before the context's `chrome` is first used.
 */
export function bindRealm(context: ScriptContext, vmContext: vm.Context): ContextRealm {
  const intrinsics = vm.runInContext('({ Error, TypeError, Promise, JSON, Object, globalThis })', vmContext) as Realm & {
    Object: ObjectConstructor;
    globalThis: RealmGlobal;
  };
  setContextRealm(context, {
    Error: intrinsics.Error,
    TypeError: intrinsics.TypeError,
    Promise: intrinsics.Promise,
    JSON: intrinsics.JSON,
    jsonCloner: compileJsonCloner(vmContext),
  });
  reportUnhandledRejections(context, intrinsics.Promise.prototype);
  const global = intrinsics.globalThis;
  const chrome = context.chrome;
  if (chrome !== undefined) defineGlobal(global, 'chrome', chrome);
  const browserNamespace = context.browserNamespace;
  if (browserNamespace !== undefined) defineGlobal(global, 'browser', browserNamespace);
  const realm: ContextRealm = {
    context,
    vmContext,
    global,
    objectPrototype: intrinsics.Object.prototype,
    evaluate: (source, url) => new vm.Script(source, { filename: url }).runInContext(vmContext),
  };
  realms.set(context, realm);
  return realm;
}

/** Whether `value` is an object made in `realm` (its prototype chain reaches the realm's Object.prototype). */
export function isOfRealm(value: unknown, realm: ContextRealm): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.isPrototypeOf.call(realm.objectPrototype, value);
}
