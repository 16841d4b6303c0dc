/**
 * ES module graphs where node:vm has no SourceTextModule (Node started without
 * --experimental-vm-modules, as `npx switchboard run`, `node --test` and Vitest are). esbuild
 * compiles each module of the extension to a strict function whose imports are calls and whose
 * exports are getters (live bindings), run as a classic script in the realm under the module's
 * own URL. As with module records: the whole graph is fetched and parsed before any of it runs
 * (a missing file or a bare specifier anywhere runs nothing), static imports resolve against each
 * module's URL, each module runs once, in post-order, `import.meta.url` is the module's URL,
 * top-level `this` is undefined, let/const keep their temporal dead zone, and import() loads the
 * realm's own modules into the same module map, or is refused as Chrome refuses it (module-access.ts).
 *
 * All of it is synchronous (esbuild's *Sync calls), as V8 links and runs a graph without awaiting
 * in between: the worker's listeners exist before any message can be delivered to it.
 *
 * Not kept: a syntax error has esbuild's wording, not V8's; an `import * as ns` namespace is an
 * ordinary object, not a Module Namespace exotic object, and each import() gives a new one.
 */
import * as esbuild from 'esbuild';
import type { ContextRealm } from './context-realm.ts';
import { dynamicImportFailed, dynamicImportUrl, isModuleFetchError, moduleFetchError, moduleSourceOf, type ModuleSource } from './module-access.ts';

/** Names the compiled code uses for what the wrapper passes in; no extension code means these. */
const IMPORT_META = '__switchboard_import_meta';
const DYNAMIC_IMPORT = '__switchboard_dynamic_import';

type Resolver = (specifier: string, referrer: string, realm: ContextRealm) => string;

/** A module of the graph, compiled; `module` once it started running, `error` if it threw. */
interface ModuleFunction {
  readonly url: string;
  readonly code: string;
  readonly imports: readonly string[];
  module?: { exports: unknown };
  error?: { value: unknown };
}

/** A module of the graph awaits at top level, which a service worker may not (and a function cannot). */
export class TopLevelAwaitError extends Error {
  constructor(readonly url: string) {
    super(`${url} uses top-level await`);
  }
}

/** What a page's graph that awaits at top level fails with here, as an error of the realm. */
export function topLevelAwaitUnsupported(realm: ContextRealm, error: TopLevelAwaitError): Error {
  return new (realm.global.Error as ErrorConstructor)(`${error.url} awaits at top level: that needs Node started with --experimental-vm-modules`);
}

/** Per realm, its compiled modules by URL (the realm's module map). */
const moduleMaps = new WeakMap<ContextRealm, Map<string, ModuleFunction>>();

/** Fetches, compiles and runs the graph rooted at `url`; throws what the graph throws, as a realm error. */
export function evaluateModuleFunctions(realm: ContextRealm, url: string, source: ModuleSource, resolve: Resolver): unknown {
  const SyntaxErrorOfRealm = realm.global.SyntaxError as SyntaxErrorConstructor;
  const ObjectOfRealm = realm.global.Object as ObjectConstructor;
  let graph = moduleMaps.get(realm);
  if (!graph) moduleMaps.set(realm, (graph = new Map()));
  const known = graph;

  /** Fetches and compiles every module of the graph not compiled yet; nothing runs. */
  const load = (moduleUrl: string, from: ModuleSource, seen = new Set<string>()): void => {
    if (seen.has(moduleUrl)) return;
    seen.add(moduleUrl);
    let record = known.get(moduleUrl);
    if (!record) {
      const text = from(moduleUrl);
      if (text === undefined) throw moduleFetchError(realm, moduleUrl);
      let compiled: { code: string; specifiers: string[] };
      try {
        compiled = compile(text, moduleUrl);
      } catch (error) {
        throw realmSyntaxError(error, moduleUrl, SyntaxErrorOfRealm);
      }
      const imports = compiled.specifiers.map((specifier) => resolve(specifier, moduleUrl, realm));
      record = { url: moduleUrl, code: compiled.code, imports };
      known.set(moduleUrl, record);
    }
    for (const imported of record.imports) load(imported, from, seen);
  };

  /**
   * import() in a module: esbuild made it `Promise.resolve().then(() => <this>(specifier))`, so it
   * runs in a job of the realm, and what it throws rejects the realm's promise.
   */
  const importDynamically = (referrer: string) => (specifier: unknown): unknown => {
    const target = dynamicImportUrl(realm, String(specifier), referrer);
    try {
      load(target, moduleSourceOf(realm));
    } catch (error) {
      if (isModuleFetchError(error)) throw dynamicImportFailed(realm, target);
      throw error instanceof TopLevelAwaitError ? topLevelAwaitUnsupported(realm, error) : error;
    }
    return run(known.get(target)!);
  };

  const run = (record: ModuleFunction): unknown => {
    if (record.error) throw record.error.value;
    if (record.module) return record.module.exports;
    // Everything the module's code is handed is the realm's own; the inner function keeps the
    // wrapper's `arguments` out of its reach.
    const module = ObjectOfRealm.assign(ObjectOfRealm.create(null) as object, { exports: ObjectOfRealm.create(null) as unknown }) as { exports: unknown };
    record.module = module;
    const importMeta = ObjectOfRealm.assign(ObjectOfRealm.create(null) as object, { url: record.url });
    const require = (specifier: string) => run(known.get(resolve(specifier, record.url, realm))!);
    const wrapper = realm.evaluate(
      `(function (exports, require, module, ${IMPORT_META}, ${DYNAMIC_IMPORT}) {"use strict"; return function () {\n${record.code}\n}; })`,
      record.url,
    ) as (...args: unknown[]) => () => void;
    try {
      wrapper(module.exports, require, module, importMeta, importDynamically(record.url)).call(undefined);
    } catch (error) {
      record.error = { value: error };
      throw error;
    }
    return module.exports;
  };

  load(url, source);
  return run(known.get(url)!);
}

/**
 * import() in a classic script where node:vm has no SourceTextModule (classic-imports.ts made it a
 * call of this): the exports of the module, once its graph ran, or an error of the realm.
 */
export function importFromClassicScript(realm: ContextRealm, specifier: string, referrer: string, resolve: Resolver): unknown {
  const target = dynamicImportUrl(realm, specifier, referrer);
  try {
    return evaluateModuleFunctions(realm, target, moduleSourceOf(realm), resolve);
  } catch (error) {
    if (isModuleFetchError(error)) throw dynamicImportFailed(realm, target);
    throw error instanceof TopLevelAwaitError ? topLevelAwaitUnsupported(realm, error) : error;
  }
}

/**
 * One module as a function body, and its static import specifiers in order. First pass: import.meta
 * becomes the wrapper's object, import() a require() call (code's own free `require`, `module` and
 * `exports` are moved out of the way first, to the global they would be), top-level await an
 * error. Second pass: those require() calls become the wrapper's import(). Third: the static imports become
 * require() calls and the exports getters, and esbuild lists the imports.
 */
function compile(text: string, url: string): { code: string; specifiers: string[] } {
  // `export {}` keeps esbuild from taking a module without imports or exports for CommonJS (whose
  // `module` and `exports` would then be objects the code could name).
  const lowered = esbuild.transformSync(`${text}\nexport {};`, {
    loader: 'js',
    format: 'esm',
    sourcefile: url,
    logLevel: 'silent',
    define: { 'import.meta': IMPORT_META, require: 'globalThis.require', module: 'globalThis.module', exports: 'globalThis.exports' },
    supported: { 'dynamic-import': false, 'top-level-await': false },
  });
  const imported = esbuild.transformSync(lowered.code, { loader: 'js', format: 'esm', logLevel: 'silent', define: { require: DYNAMIC_IMPORT } });
  const listed = esbuild.buildSync({
    stdin: { contents: imported.code, loader: 'js', sourcefile: url },
    bundle: true,
    external: ['*'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    format: 'esm',
  });
  const specifiers = Object.values(listed.metafile.inputs).flatMap((input) => input.imports.map((entry) => entry.path));
  const code = esbuild.transformSync(imported.code, { loader: 'js', format: 'cjs', logLevel: 'silent' }).code;
  return { code, specifiers };
}

/** Whether the module's text awaits at top level (text that does not parse says no: V8 reports that). */
export function usesTopLevelAwait(text: string, url: string): boolean {
  try {
    esbuild.transformSync(text, { loader: 'js', format: 'esm', sourcefile: url, logLevel: 'silent', supported: { 'top-level-await': false } });
    return false;
  } catch (error) {
    return isTopLevelAwaitError(error);
  }
}

function isTopLevelAwaitError(error: unknown): boolean {
  return (error as { errors?: esbuild.Message[] }).errors?.some((message) => /top-level await/i.test(message.text)) ?? false;
}

/** esbuild's parse error as the realm's SyntaxError (top-level await as a TopLevelAwaitError). */
function realmSyntaxError(error: unknown, url: string, SyntaxErrorOfRealm: SyntaxErrorConstructor): unknown {
  if (isTopLevelAwaitError(error)) return new TopLevelAwaitError(url);
  const first = (error as { errors?: esbuild.Message[] }).errors?.[0];
  if (!first) return new SyntaxErrorOfRealm(String(error));
  const where = first.location ? ` (at ${url}:${first.location.line}:${first.location.column + 1})` : '';
  return new SyntaxErrorOfRealm(`${first.text}${where}`);
}
