import vm from 'node:vm';
import { TOP_LEVEL_AWAIT_IN_SERVICE_WORKER, bareModuleSpecifier, dynamicImportFetchFailed } from '../core/errors.ts';
import type { ContextRealm } from './context-realm.ts';
import { dynamicImportFailed, dynamicImportUrl, isModuleFetchError, moduleFetchError, moduleSourceOf, type ModuleSource } from './module-access.ts';
import { TopLevelAwaitError, evaluateModuleFunctions, topLevelAwaitUnsupported, usesTopLevelAwait } from './module-functions.ts';

export type { ModuleSource } from './module-access.ts';

/** Whether this Node can evaluate ES modules in a vm realm (it needs --experimental-vm-modules). */
export function vmModulesAvailable(): boolean {
  return typeof vm.SourceTextModule === 'function';
}

/** HTML's "resolve a module specifier" without import maps: URLs, and paths starting "/", "./" or "../". */
export function resolveModuleSpecifier(specifier: string, referrer: string, realm: ContextRealm): string {
  if (/^(\/|\.\/|\.\.\/)/.test(specifier)) return new URL(specifier, referrer).href;
  try {
    return new URL(specifier).href;
  } catch {
    const TypeErrorOfRealm = realm.global.TypeError as TypeErrorConstructor;
    throw new TypeErrorOfRealm(bareModuleSpecifier(specifier));
  }
}

/**
 * Evaluates the ES module at `url` in `realm`, with its static imports, each module instantiated
 * once per realm (the realm's module map, shared with its import() calls). Rejects with what the
 * graph throws (a missing file, a bad specifier, an exception at top level).
 *
 * With --experimental-vm-modules, V8's own module records do it (exact: live bindings with their
 * temporal dead zone, V8's syntax errors); without it (`npx switchboard run`, `node --test`,
 * Vitest), module-functions.ts runs it as esbuild-compiled functions, with the same observable behaviour otherwise.
 *
 * A service worker's graph must not await at top level: Chrome then runs none of it and logs
 * TOP_LEVEL_AWAIT_IN_SERVICE_WORKER (the worker fails to start). A page's may, with V8's modules.
 */
export function evaluateModule(realm: ContextRealm, url: string, source: ModuleSource, options: { serviceWorker?: boolean } = {}): Promise<void> {
  const evaluation = evaluateModuleGraph(realm, url, source, options);
  // browser.idle() waits for the graph to evaluate (it does so asynchronously), though not for a
  // page module's top-level await that never settles.
  const settled = evaluation.catch(() => undefined);
  realm.context.browser.holdIdle(Promise.race([settled, new Promise((resolve) => setTimeout(resolve, MODULE_IDLE_HOLD_MS).unref())]));
  return evaluation;
}

/** How long browser.idle() waits for one module graph at most. */
const MODULE_IDLE_HOLD_MS = 2000;

async function evaluateModuleGraph(realm: ContextRealm, url: string, source: ModuleSource, options: { serviceWorker?: boolean }): Promise<void> {
  try {
    if (!vmModulesAvailable()) {
      evaluateModuleFunctions(realm, url, source, resolveModuleSpecifier);
      return;
    }
    await evaluateModuleRecords(realm, url, source, options.serviceWorker ?? false);
  } catch (error) {
    if (!(error instanceof TopLevelAwaitError)) throw error;
    if (options.serviceWorker) return realm.context.log('error', TOP_LEVEL_AWAIT_IN_SERVICE_WORKER);
    throw topLevelAwaitUnsupported(realm, error);
  }
}

/** Per realm, its module records by URL. */
const moduleMaps = new WeakMap<ContextRealm, Map<string, vm.SourceTextModule>>();
/** Per realm, the link in progress: graphs that share modules link one after another. */
const linking = new WeakMap<ContextRealm, Promise<unknown>>();
/** Realms by their vm context, as their scripts and modules are compiled. */
const realmsByContext = new WeakMap<object, ContextRealm>();

/**
 * Fetches, parses and links the graph rooted at `url` with V8's module records, in the realm's
 * module map; returns the root, linked, and the text of each module fetched for it.
 */
function linkModuleRecords(realm: ContextRealm, url: string, source: ModuleSource): Promise<{ root: vm.SourceTextModule; texts: Map<string, string> }> {
  const linked = (linking.get(realm) ?? Promise.resolve()).catch(() => undefined).then(() => linkAfterOthers(realm, url, source));
  linking.set(realm, linked);
  return linked;
}

async function linkAfterOthers(realm: ContextRealm, url: string, source: ModuleSource): Promise<{ root: vm.SourceTextModule; texts: Map<string, string> }> {
  realmsByContext.set(realm.vmContext, realm);
  let modules = moduleMaps.get(realm);
  if (!modules) moduleMaps.set(realm, (modules = new Map()));
  const known = modules;
  const texts = new Map<string, string>();

  const load = (moduleUrl: string): vm.SourceTextModule => {
    const cached = known.get(moduleUrl);
    // A module that threw once throws the same again, as the realm's module map keeps it.
    if (cached?.status === 'errored') throw cached.error;
    if (cached) return cached;
    const text = source(moduleUrl);
    if (text === undefined) throw moduleFetchError(realm, moduleUrl);
    texts.set(moduleUrl, text);
    const module = new vm.SourceTextModule(text, {
      context: realm.vmContext,
      identifier: moduleUrl,
      initializeImportMeta: (meta) => {
        meta.url = moduleUrl;
      },
      importModuleDynamically: (specifier, referrer) => importModuleRecord(realm, specifier, referrer.identifier),
    });
    known.set(moduleUrl, module);
    return module;
  };

  const root = load(url);
  // A module linked before (by another graph, or an earlier import()) is not linked again.
  if (root.status !== 'unlinked') return { root, texts };
  try {
    await root.link((specifier, referencing) => load(resolveModuleSpecifier(specifier, referencing.identifier, realm)));
  } catch (error) {
    // A graph that failed to link leaves nothing half-linked behind: a later import() starts over.
    for (const moduleUrl of texts.keys()) known.delete(moduleUrl);
    throw error;
  }
  return { root, texts };
}

async function evaluateModuleRecords(realm: ContextRealm, url: string, source: ModuleSource, serviceWorker: boolean): Promise<void> {
  const { root, texts } = await linkModuleRecords(realm, url, source);
  if (serviceWorker) {
    for (const [moduleUrl, text] of texts) if (usesTopLevelAwait(text, moduleUrl)) throw new TopLevelAwaitError(moduleUrl);
  }
  await root.evaluate();
  if (root.status === 'errored') throw root.error ?? new (realm.global.Error as ErrorConstructor)('module evaluation failed');
}

/**
 * import(specifier) with V8's module records, from code whose base URL is `baseUrl`: the realm's
 * own files only (module-access.ts), evaluated in its module map; rejects with the realm's errors.
 */
async function importModuleRecord(realm: ContextRealm, specifier: string, baseUrl: string): Promise<vm.Module> {
  const url = dynamicImportUrl(realm, specifier, baseUrl);
  let root: vm.SourceTextModule;
  try {
    ({ root } = await linkModuleRecords(realm, url, moduleSourceOf(realm)));
  } catch (error) {
    throw isModuleFetchError(error) ? dynamicImportFailed(realm, url) : error;
  }
  // A module still evaluating (it imports itself) is handed out as it is.
  if (root.status !== 'evaluating') await root.evaluate();
  return root;
}

/**
 * What every classic script the loader compiles in `realm` gets as node:vm's
 * importModuleDynamically, `baseUrl` being the script's URL: its import() (and that of code it
 * evaluates) loads the realm's own modules, or is refused with Chrome's error; it never reaches
 * Node's loader, which is what node:vm uses for code compiled without one when host code is on the
 * stack. Node calls it only with --experimental-vm-modules; without, import() in a classic script
 * rejects with Node's ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG (an error of the host realm), and
 * loads nothing.
 */
export function importModuleDynamicallyOf(realm: ContextRealm, baseUrl: string): (specifier: string) => Promise<vm.Module> {
  realmsByContext.set(realm.vmContext, realm);
  return (specifier) => importModuleRecord(realm, specifier, baseUrl);
}

/**
 * node:vm's importModuleDynamically for the vm context of a realm (vm.createContext's option):
 * import() in code that eval or Function compiled while no script was on the stack
 * (`Promise.resolve(code).then(eval)`) resolves in the realm, against its own URL, instead of
 * rejecting with Node's error (an object of the host realm). Until the realm has compiled code,
 * there is none to import.
 */
export async function importModuleDynamicallyInContext(specifier: string, context: vm.Context): Promise<vm.Module> {
  const realm = realmsByContext.get(context);
  if (!realm) throw new (vm.runInContext('TypeError', context) as TypeErrorConstructor)(dynamicImportFetchFailed(specifier));
  return importModuleRecord(realm, specifier, realm.context.url);
}

type Caller = (fn: unknown, thisArg: unknown, args: readonly unknown[]) => unknown;
const callers = new WeakMap<object, Caller>();

/**
 * Calls a function of a realm (by its vm context) from host code so that the realm is on top of
 * the stack: host code that calls what a realm handed it (a listener, a callback, a timer's
 * function) should call through this. V8 gives code that eval, Function and their kin compile the
 * import() of the script on top of the stack when they run, so a realm's `eval` called straight
 * from a host module (`setTimeout(eval, 0, code)`, `chrome.runtime.onMessage.addListener(eval)`)
 * would compile `code` with that module's import(), which is Node's own loader.
 */
export function callInRealm(vmContext: vm.Context, fn: unknown, thisArg: unknown, args: readonly unknown[]): unknown {
  let caller = callers.get(vmContext);
  if (!caller) {
    const source = '(function (apply) { "use strict"; return function (fn, thisArg, args) { return apply(fn, thisArg, args); }; })';
    const script = new vm.Script(source, { filename: 'switchboard:call-in-realm', importModuleDynamically: (specifier) => importModuleDynamicallyInContext(specifier, vmContext) });
    // The host's Reflect.apply: a builtin (no frame of its own), and none the realm could have replaced.
    caller = (script.runInContext(vmContext) as (apply: typeof Reflect.apply) => Caller)(Reflect.apply);
    callers.set(vmContext, caller);
  }
  return caller(fn, thisArg, args);
}
