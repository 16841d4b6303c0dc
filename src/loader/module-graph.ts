import vm from 'node:vm';
import { DYNAMIC_IMPORT_IN_SERVICE_WORKER, RESOURCE_NOT_FOUND, bareModuleSpecifier } from '../core/errors.ts';
import type { ContextRealm } from './context-realm.ts';

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
 */
export async function evaluateModule(realm: ContextRealm, url: string, source: ModuleSource): Promise<void> {
  if (!vmModulesAvailable()) {
    throw new Error('An ES module script needs Node started with --experimental-vm-modules (node:vm SourceTextModule)');
  }
  const modules = new Map<string, vm.SourceTextModule>();
  const ErrorOfRealm = realm.global.Error as ErrorConstructor;
  const TypeErrorOfRealm = realm.global.TypeError as TypeErrorConstructor;

  const load = (moduleUrl: string): vm.SourceTextModule => {
    const cached = modules.get(moduleUrl);
    if (cached) return cached;
    const text = source(moduleUrl);
    if (text === undefined) {
      realm.context.log('error', RESOURCE_NOT_FOUND);
      throw new TypeErrorOfRealm(`Failed to fetch module script: ${moduleUrl}`);
    }
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
  await root.evaluate();
  if (root.status === 'errored') throw root.error ?? new ErrorOfRealm('module evaluation failed');
}
