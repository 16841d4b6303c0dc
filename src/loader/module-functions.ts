/**
 * ES module graphs where node:vm has no SourceTextModule (Node started without
 * --experimental-vm-modules, as `npx switchboard run`, `node --test` and Vitest are). esbuild
 * compiles each module of the extension to a strict function whose imports are calls and whose
 * exports are getters (live bindings), run as a classic script in the realm under the module's
 * own URL. As with module records: the whole graph is fetched and parsed before any of it runs
 * (a missing file or a bare specifier anywhere runs nothing), static imports resolve against each
 * module's URL, each module runs once, in post-order, `import.meta.url` is the module's URL,
 * top-level `this` is undefined, let/const keep their temporal dead zone, and import() is refused.
 *
 * All of it is synchronous (esbuild's *Sync calls), as V8 links and runs a graph without awaiting
 * in between: the worker's listeners exist before any message can be delivered to it.
 *
 * Not kept: a syntax error has esbuild's wording, not V8's; an `import * as ns` namespace is an
 * ordinary object, not a Module Namespace exotic object.
 */
import * as esbuild from 'esbuild';
import { DYNAMIC_IMPORT_IN_SERVICE_WORKER, RESOURCE_NOT_FOUND, moduleFetchFailed } from '../core/errors.ts';
import type { ContextRealm } from './context-realm.ts';
import type { ModuleSource } from './module-graph.ts';

/** Names the compiled code uses for what the wrapper passes in; no extension code means these. */
const IMPORT_META = '__switchboard_import_meta';
const REFUSE_IMPORT = '__switchboard_refuse_import';

type Resolver = (specifier: string, referrer: string, realm: ContextRealm) => string;

/** A module of the graph, compiled; `exports` once it started running. */
interface ModuleFunction {
  readonly url: string;
  readonly code: string;
  readonly imports: readonly string[];
  module?: { exports: unknown };
}

/** A module of the graph awaits at top level, which a service worker may not (and a function cannot). */
export class TopLevelAwaitError extends Error {
  constructor(readonly url: string) {
    super(`${url} uses top-level await`);
  }
}

/** Fetches, compiles and runs the graph rooted at `url`; throws what the graph throws, as a realm error. */
export function evaluateModuleFunctions(realm: ContextRealm, url: string, source: ModuleSource, resolve: Resolver): void {
  const TypeErrorOfRealm = realm.global.TypeError as TypeErrorConstructor;
  const SyntaxErrorOfRealm = realm.global.SyntaxError as SyntaxErrorConstructor;
  const ObjectOfRealm = realm.global.Object as ObjectConstructor;
  const graph = new Map<string, ModuleFunction>();

  const load = (moduleUrl: string): void => {
    if (graph.has(moduleUrl)) return;
    const text = source(moduleUrl);
    if (text === undefined) {
      realm.context.log('error', RESOURCE_NOT_FOUND);
      throw new TypeErrorOfRealm(moduleFetchFailed(moduleUrl));
    }
    let compiled: { code: string; specifiers: string[] };
    try {
      compiled = compile(text, moduleUrl);
    } catch (error) {
      throw realmSyntaxError(error, moduleUrl, SyntaxErrorOfRealm);
    }
    const imports = compiled.specifiers.map((specifier) => resolve(specifier, moduleUrl, realm));
    graph.set(moduleUrl, { url: moduleUrl, code: compiled.code, imports });
    for (const imported of imports) load(imported);
  };

  const refuseImport = (): never => {
    throw new TypeErrorOfRealm(DYNAMIC_IMPORT_IN_SERVICE_WORKER);
  };
  const run = (record: ModuleFunction): unknown => {
    if (record.module) return record.module.exports;
    const module = { exports: ObjectOfRealm.create(null) as unknown };
    record.module = module;
    const importMeta = ObjectOfRealm.assign(ObjectOfRealm.create(null) as object, { url: record.url });
    const require = (specifier: string) => run(graph.get(resolve(specifier, record.url, realm))!);
    const fn = realm.evaluate(`(function (exports, require, module, ${IMPORT_META}, ${REFUSE_IMPORT}) {"use strict";\n${record.code}\n})`, record.url) as (...args: unknown[]) => void;
    fn.call(undefined, module.exports, require, module, importMeta, refuseImport);
    return module.exports;
  };

  load(url);
  run(graph.get(url)!);
}

/**
 * One module as a function body, and its static import specifiers in order. First pass: import.meta
 * becomes the wrapper's object, import() a require() call (code's own free `require`, `module` and
 * `exports` are moved out of the way first, to the global they would be), top-level await an
 * error. Second pass: those require() calls become the refusal. Third: the static imports become
 * require() calls and the exports getters, and esbuild lists the imports.
 */
function compile(text: string, url: string): { code: string; specifiers: string[] } {
  const lowered = esbuild.transformSync(text, {
    loader: 'js',
    format: 'esm',
    sourcefile: url,
    logLevel: 'silent',
    define: { 'import.meta': IMPORT_META, require: 'globalThis.require', module: 'globalThis.module', exports: 'globalThis.exports' },
    supported: { 'dynamic-import': false, 'top-level-await': false },
  });
  const refused = esbuild.transformSync(lowered.code, { loader: 'js', format: 'esm', logLevel: 'silent', define: { require: REFUSE_IMPORT } });
  const listed = esbuild.buildSync({
    stdin: { contents: refused.code, loader: 'js', sourcefile: url },
    bundle: true,
    external: ['*'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    format: 'esm',
  });
  const specifiers = Object.values(listed.metafile.inputs).flatMap((input) => input.imports.map((entry) => entry.path));
  const code = esbuild.transformSync(refused.code, { loader: 'js', format: 'cjs', logLevel: 'silent' }).code;
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
  if (!first) return error;
  const where = first.location ? ` (at ${url}:${first.location.line}:${first.location.column + 1})` : '';
  return new SyntaxErrorOfRealm(`${first.text}${where}`);
}
