import vm from 'node:vm';
import type { ScriptContext } from '../core/context.ts';
import { compileJsonCloner } from '../api/json-clone.ts';
import { setContextRealm, type Realm } from '../api/realm.ts';
import { createMembrane, type Membrane, type MembraneOptions } from './membrane.ts';
import { CLASSIC_IMPORTER, rewriteDynamicImports } from './classic-imports.ts';
import { importFromClassicScript } from './module-functions.ts';
import { importModuleDynamicallyInContext, importModuleDynamicallyOf, resolveModuleSpecifier, vmModulesAvailable } from './module-graph.ts';
import { sealStackTraces } from './stack-traces.ts';
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
  /** What stands between the realm and every object it did not make (membrane.ts). */
  readonly membrane: Membrane;
  /** Runs a classic script in the realm; what it throws propagates to the caller. */
  evaluate(source: string, url: string): unknown;
}

const realms = new WeakMap<ScriptContext, ContextRealm>();
const membranes = new WeakMap<object, Membrane>();

/** The realm the loader gave `context`, if it gave it one. */
export function realmOfContext(context: ScriptContext): ContextRealm | undefined {
  return realms.get(context);
}

/**
 * A new, empty vm context for a realm of its own. Its sandbox object has no prototype: Node looks
 * a global up on the sandbox first, and a sandbox inheriting from the host's Object.prototype
 * would answer `globalThis.constructor` with the host's Object. Its import() (code that eval
 * compiled with no script on the stack) is the realm's own.
 */
export function createRealmContext(): vm.Context {
  return vm.createContext(Object.create(null) as object, {
    importModuleDynamically: importModuleDynamicallyInContext as vm.CreateContextOptions['importModuleDynamically'],
    // Without vm modules, import() in code compiled from a string could not be rewritten
    // (classic-imports.ts), and Node would answer it with an error of the host realm: such a realm
    // compiles no strings (eval and Function throw EvalError, as under an extension's CSP).
    ...(vmModulesAvailable() ? {} : { codeGeneration: { strings: false, wasm: true } }),
  });
}

/**
 * Defines a global the way Web IDL does: writable and configurable. What the realm did not make
 * itself is given through its membrane.
 */
export function defineGlobal(global: RealmGlobal, name: string, value: unknown): void {
  const membrane = membranes.get(global);
  if (!membrane) throw new Error(`defineGlobal('${name}'): not the global of a realm made by bindRealm`);
  Object.defineProperty(global, name, { value: membrane.toRealm(value), writable: true, configurable: true, enumerable: false });
}

/**
 * Makes `vmContext` the realm of `context`: the API builds the context's errors, promises and
 * messages with this realm's intrinsics, and the realm gets the context's own `chrome` (and
 * `browser`, where Chrome aliases it). Must run before the context's `chrome` is first used.
 */
export function bindRealm(context: ScriptContext, vmContext: vm.Context, options?: MembraneOptions): ContextRealm {
  const intrinsics = vm.runInContext('({ Error, TypeError, Promise, JSON, Object, globalThis })', vmContext) as Realm & {
    Object: ObjectConstructor;
    globalThis: RealmGlobal;
  };
  const membrane = createMembrane(vmContext, options);
  setContextRealm(context, {
    Error: intrinsics.Error,
    TypeError: intrinsics.TypeError,
    Promise: intrinsics.Promise,
    JSON: intrinsics.JSON,
    jsonCloner: compileJsonCloner(vmContext),
    ownFunction: membrane.ownFunction,
  });
  reportUnhandledRejections(context, intrinsics.Promise.prototype);
  const global = intrinsics.globalThis;
  membranes.set(global, membrane);
  sealStackTraces(vmContext);
  const chrome = context.chrome;
  if (chrome !== undefined) defineGlobal(global, 'chrome', chrome);
  const browserNamespace = context.browserNamespace;
  if (browserNamespace !== undefined) defineGlobal(global, 'browser', browserNamespace);
  const realm: ContextRealm = {
    context,
    vmContext,
    global,
    objectPrototype: intrinsics.Object.prototype,
    membrane,
    evaluate: (source, url) =>
      new vm.Script(vmModulesAvailable() ? source : rewriteDynamicImports(source, url), {
        filename: url,
        importModuleDynamically: importModuleDynamicallyOf(realm, url),
      }).runInContext(vmContext),
  };
  if (!vmModulesAvailable()) defineClassicImporter(realm);
  realms.set(context, realm);
  return realm;
}

/** The importer classic-imports.ts makes import() call: a promise of the realm, settled in a later job. */
function defineClassicImporter(realm: ContextRealm): void {
  const { membrane } = realm;
  const RealmPromise = membrane.intrinsic('Promise') as PromiseConstructor;
  const importer = membrane.ownFunction((referrer: unknown, specifier: unknown) => {
    const resolved = RealmPromise.resolve();
    return resolved.then.call(
      resolved,
      membrane.ownFunction(() => importFromClassicScript(realm, String(specifier), String(referrer), resolveModuleSpecifier)),
    );
  });
  Object.defineProperty(realm.global, CLASSIC_IMPORTER, { value: importer, writable: false, enumerable: false, configurable: false });
}
