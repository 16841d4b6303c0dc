import vm from 'node:vm';
import { DYNAMIC_IMPORT_IN_SERVICE_WORKER, RESOURCE_NOT_FOUND, TOP_LEVEL_AWAIT_IN_SERVICE_WORKER, bareModuleSpecifier, moduleFetchFailed } from '../core/errors.ts';
import type { ContextRealm } from './context-realm.ts';
import { TopLevelAwaitError, evaluateModuleFunctions, usesTopLevelAwait } from './module-functions.ts';

/** Where a module graph's files come from: the text behind a URL, or undefined. */
export type ModuleSource = (url: string) => string | undefined;

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
 * once per realm. Dynamic import() is refused, as in a service worker. Rejects with what the graph
 * throws (a missing file, a bad specifier, an exception at top level).
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
    if (!vmModulesAvailable()) return evaluateModuleFunctions(realm, url, source, resolveModuleSpecifier);
    return await evaluateModuleRecords(realm, url, source, options.serviceWorker ?? false);
  } catch (error) {
    if (!(error instanceof TopLevelAwaitError)) throw error;
    if (options.serviceWorker) return realm.context.log('error', TOP_LEVEL_AWAIT_IN_SERVICE_WORKER);
    const ErrorOfRealm = realm.global.Error as ErrorConstructor;
    throw new ErrorOfRealm(`${error.url} awaits at top level: that needs Node started with --experimental-vm-modules`);
  }
}

async function evaluateModuleRecords(realm: ContextRealm, url: string, source: ModuleSource, serviceWorker: boolean): Promise<void> {
  const modules = new Map<string, vm.SourceTextModule>();
  const texts = new Map<string, string>();
  const ErrorOfRealm = realm.global.Error as ErrorConstructor;
  const TypeErrorOfRealm = realm.global.TypeError as TypeErrorConstructor;

  const load = (moduleUrl: string): vm.SourceTextModule => {
    const cached = modules.get(moduleUrl);
    if (cached) return cached;
    const text = source(moduleUrl);
    if (text === undefined) {
      realm.context.log('error', RESOURCE_NOT_FOUND);
      throw new TypeErrorOfRealm(moduleFetchFailed(moduleUrl));
    }
    texts.set(moduleUrl, text);
    const module = new vm.SourceTextModule(text, {
      context: realm.vmContext,
      identifier: moduleUrl,
      initializeImportMeta: (meta) => {
        meta.url = moduleUrl;
      },
      importModuleDynamically: (() => {
        throw new TypeErrorOfRealm(DYNAMIC_IMPORT_IN_SERVICE_WORKER);
      }) as unknown as vm.SourceTextModuleOptions['importModuleDynamically'],
    });
    modules.set(moduleUrl, module);
    return module;
  };

  const root = load(url);
  await root.link((specifier, referencing) => load(resolveModuleSpecifier(specifier, referencing.identifier, realm)));
  if (serviceWorker) {
    for (const [moduleUrl, text] of texts) if (usesTopLevelAwait(text, moduleUrl)) throw new TopLevelAwaitError(moduleUrl);
  }
  await root.evaluate();
  if (root.status === 'errored') throw root.error ?? new ErrorOfRealm('module evaluation failed');
}
