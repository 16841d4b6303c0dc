/**
 * The browser side of chrome.scripting (extensions/browser/api/scripting/scripting_api.cc and
 * extensions/browser/scripting_utils.cc): which frames an injection targets and whether the
 * extension may script them, the injected code's results as Chrome converts them, and the
 * extension's registered (dynamic) content scripts, injected into new documents after its
 * manifest's. Code runs in a context's realm through a ScriptInjector: the loader registers one
 * for its realms (src/loader/injected-scripts.ts); without it, code runs in the host realm.
 */
import type { Browser } from '../core/browser.ts';
import type { ContextScript, ScriptContext } from '../core/context.ts';
import type { Document } from '../core/document.ts';
import {
  CANNOT_ACCESS_PAGE,
  SCRIPTING_ALL_FRAMES_WITH_IDS,
  SCRIPTING_AT_LEAST_ONE_FILE,
  SCRIPTING_EMPTY_SCRIPT_ID,
  SCRIPTING_FRAME_AND_DOCUMENT_IDS,
  contentScriptCssMissing,
  contentScriptJsMissing,
  scriptingCouldNotLoadFile,
  scriptingDuplicateFile,
  scriptingDuplicateScriptId,
  scriptingInvalidDocumentId,
  scriptingInvalidExcludeMatch,
  scriptingInvalidMatch,
  scriptingMatchesRequired,
  scriptingNoDocumentInTab,
  scriptingNoFiles,
  scriptingNoFrameInTab,
  scriptingNoMatch,
  scriptingNonexistentScriptId,
  scriptingReservedScriptId,
  scriptingScriptNotRegistered,
  scriptingTabNotFound,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import { ContentScriptEntry, type RunAt } from '../core/manifest/content-scripts.ts';
import { CONTENT_SCRIPT_SCHEMES, MatchPattern, MatchPatternError, MatchPatternSet } from '../core/manifest/match-pattern.ts';
import { toStoredValue } from './storage-value.ts';
import { hostPermissions } from './tab-access.ts';

export type ExecutionWorldName = 'ISOLATED' | 'MAIN';

/** A scripting.* failure: its message is what the caller's promise rejects with. */
export class ScriptingError extends Error {
  override readonly name = 'ScriptingError';
}

// ----- running code in a context -----

/** Runs injected code in a context's realm. Neither method rejects: what the code throws is reported in the context's console. */
export interface ScriptInjector {
  /** Whether the extension has the script file at `path` (relative, without a leading slash). */
  hasScript(extension: Extension, path: string): boolean;
  /** The text of a file of the extension (a stylesheet), or undefined. */
  readText(extension: Extension, path: string): string | undefined;
  /** Runs the files in order; resolves with the last one's completion value (a promise's, once settled), or undefined if it threw. */
  runFiles(context: ScriptContext, paths: readonly string[]): Promise<unknown>;
  /** Runs `code` (an expression, `(func)(args)`) as a script; resolves as runFiles does. */
  runCode(context: ScriptContext, code: string): Promise<unknown>;
  /** A registered content script's file, to run in a new document when `runAt` comes. */
  contentScript(extension: Extension, path: string, runAt: RunAt): ContextScript | undefined;
}

/** An exception nobody caught, as the page's console shows it. */
function reportThrown(context: ScriptContext, error: unknown, inPromise = false): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  context.log('error', `Uncaught ${inPromise ? '(in promise) ' : ''}${text}`);
}

/** Awaits a completion value the way Chrome's PromiseResultOption::kAwait does; a rejection gives undefined. */
export async function settledValue(context: ScriptContext, value: unknown): Promise<unknown> {
  if (typeof value !== 'object' && typeof value !== 'function') return value;
  if (value === null || typeof (value as { then?: unknown }).then !== 'function') return value;
  try {
    return await (value as Promise<unknown>);
  } catch (error) {
    reportThrown(context, error, true);
    return undefined;
  }
}

/**
 * Extensions installed in code: a file is its ContextScript (its return value is the file's value),
 * and a func runs through the host realm's Function, with the context's `chrome` and `browser` in
 * scope. There are no stylesheets.
 */
export const HOST_REALM_INJECTOR: ScriptInjector = {
  hasScript: (extension, path) => Object.hasOwn(extension.scripts, path),
  readText: () => undefined,
  async runFiles(context, paths) {
    let value: unknown;
    for (const path of paths) {
      const script = context.extension?.scripts[path];
      try {
        value = script?.({ chrome: context.chrome, browser: context.browserNamespace, context });
      } catch (error) {
        reportThrown(context, error);
        value = undefined;
      }
    }
    return settledValue(context, value);
  },
  async runCode(context, code) {
    let value: unknown;
    try {
      value = (new Function('chrome', 'browser', `return ${code};`) as (chrome: unknown, browser: unknown) => unknown)(context.chrome, context.browserNamespace);
    } catch (error) {
      reportThrown(context, error);
      return undefined;
    }
    return settledValue(context, value);
  },
  contentScript: (extension, path) => extension.scripts[path],
};

const injectors = new WeakMap<Browser, ScriptInjector>();

/** The loader's way in: from now on `browser`'s injected code runs through `injector`. */
export function setScriptInjector(browser: Browser, injector: ScriptInjector): void {
  injectors.set(browser, injector);
}

function injectorOf(browser: Browser): ScriptInjector {
  return injectors.get(browser) ?? HOST_REALM_INJECTOR;
}

// ----- host permissions -----

/** activeTab grants: extension → tab id → the origin the tab had when granted. */
const activeTabGrants = new WeakMap<Extension, Map<number, string>>();


/**
 * activeTab (granted by a click on the extension's action, or a command): the extension may script
 * the tab until it navigates to another origin. The action's owner calls this.
 */
export function grantActiveTab(extension: Extension, tabId: number): void {
  const tab = extension.browser.getTab(tabId);
  if (!tab) return;
  let grants = activeTabGrants.get(extension);
  if (!grants) activeTabGrants.set(extension, (grants = new Map()));
  grants.set(tabId, tab.mainFrame.document.origin);
}

/**
 * PermissionsData::CanAccessPage: the URL is in the extension's scriptable hosts (host_permissions,
 * and its content scripts' matches), or the tab has an activeTab grant for its current origin.
 */
export function canAccessPage(extension: Extension, url: string, tabId: number): boolean {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'file:', 'ftp:'].includes(scheme)) return false;
  if (hostPermissions(extension).some((pattern) => pattern.matches(url))) return true;
  if (extension.parsed.contentScripts.some((entry) => entry.matches.matchesUrl(url))) return true;
  const granted = activeTabGrants.get(extension)?.get(tabId);
  const tab = extension.browser.getTab(tabId);
  return granted !== undefined && tab !== undefined && tab.mainFrame.document.origin === granted && extension.parsed.permissions.has('activeTab');
}

/** The URL permission is judged by: an about: or data: document's creator's (match_origin_as_fallback: always). */
function effectiveUrl(document: Document): string {
  let current: Document | undefined = document;
  while (current && /^(about|data):/.test(current.url)) current = current.frame.parent?.document;
  return current?.url ?? document.url;
}

// ----- targets -----

export interface InjectionTarget {
  readonly tabId: number;
  readonly frameIds?: readonly number[];
  readonly documentIds?: readonly string[];
  readonly allFrames?: boolean;
}

/**
 * CanAccessTarget: the documents an injection runs in, the targeted frames first checked for host
 * permission (with allFrames, the subframes are judged one by one, and skipped when not allowed).
 */
export function resolveTarget(extension: Extension, target: InjectionTarget): Document[] {
  const { tabId } = target;
  const tab = extension.browser.getTab(tabId);
  if (!tab || tab.closed) throw new ScriptingError(scriptingTabNotFound(tabId));
  if (target.allFrames && (target.frameIds || target.documentIds)) throw new ScriptingError(SCRIPTING_ALL_FRAMES_WITH_IDS);
  if (target.frameIds && target.documentIds) throw new ScriptingError(SCRIPTING_FRAME_AND_DOCUMENT_IDS);
  const documents = [...tab.mainFrame.document.subtree()];
  const chosen: Document[] = [];
  if (target.documentIds) {
    for (const id of target.documentIds) {
      if (!/^[0-9A-Fa-f]{32}$/.test(id)) throw new ScriptingError(scriptingInvalidDocumentId(id));
      const document = documents.find((candidate) => candidate.documentId === id.toUpperCase());
      if (!document) throw new ScriptingError(scriptingNoDocumentInTab(id, tabId));
      if (!chosen.includes(document)) chosen.push(document);
    }
  } else {
    // A std::set: each frame once, in id order.
    const frameIds = [...new Set(target.frameIds ?? [0])].sort((a, b) => a - b);
    for (const frameId of frameIds) {
      const document = documents.find((candidate) => candidate.frame.frameId === frameId);
      if (!document) throw new ScriptingError(scriptingNoFrameInTab(frameId, tabId));
      chosen.push(document);
    }
  }
  for (const document of chosen) {
    if (!canAccessPage(extension, effectiveUrl(document), tabId)) throw new ScriptingError(CANNOT_ACCESS_PAGE);
  }
  if (!target.allFrames) return chosen;
  // INCLUDE_SUB_FRAMES: every frame below the targeted ones; the renderer refuses the ones the
  // extension may not script, and their results are left out.
  const all = chosen.flatMap((document) => [...document.subtree()]);
  return all.filter((document, index) => all.indexOf(document) === index && canAccessPage(extension, effectiveUrl(document), tabId));
}

/** GetFileResources: at least one file, each the extension's, none twice. Returns the normalized paths. */
export function checkFiles(files: readonly string[], exists: (path: string) => boolean): string[] {
  if (files.length === 0) throw new ScriptingError(SCRIPTING_AT_LEAST_ONE_FILE);
  const paths: string[] = [];
  for (const file of files) {
    const path = file.replace(/^\/+/, '');
    if (path === '' || path.split('/').includes('..') || !exists(path)) throw new ScriptingError(scriptingCouldNotLoadFile(file));
    if (paths.includes(path)) throw new ScriptingError(scriptingDuplicateFile(file));
    paths.push(path);
  }
  return paths;
}

// ----- executeScript -----

export interface ScriptInjection {
  readonly target: InjectionTarget;
  readonly world: ExecutionWorldName;
  /** Either files to run... */
  readonly files?: readonly string[];
  /** ...or the code `(func)(args)`. */
  readonly code?: string;
}

/** scripting.InjectionResult, keys in Chrome's order (a base::Value dict's: sorted). */
export interface InjectionResult {
  documentId: string;
  frameId: number;
  result: unknown;
}

/** The context a world names in a document: the page's main world, or the extension's isolated world there. */
function worldIn(document: Document, extension: Extension, world: ExecutionWorldName): ScriptContext {
  return world === 'MAIN' ? document.mainWorld : document.isolatedWorld(extension, true)!;
}

/** The files an injection names, checked: scripts for executeScript. */
export function checkScriptFiles(extension: Extension, files: readonly string[]): string[] {
  const injector = injectorOf(extension.browser);
  return checkFiles(files, (path) => injector.hasScript(extension, path));
}

/**
 * ScriptingExecuteScriptFunction::Execute and OnScriptExecuted: runs the code in every target
 * document, each result converted as V8ValueConverter does (undefined and what it cannot convert
 * become null), the top frame first.
 */
export async function executeScript(extension: Extension, injection: ScriptInjection): Promise<InjectionResult[]> {
  const injector = injectorOf(extension.browser);
  const files = injection.files ? checkScriptFiles(extension, injection.files) : undefined;
  const documents = resolveTarget(extension, injection.target);
  const results = await Promise.all(
    documents.map(async (document): Promise<InjectionResult> => {
      const context = worldIn(document, extension, injection.world);
      const value = files ? await injector.runFiles(context, files) : await injector.runCode(context, injection.code ?? '');
      return { documentId: document.documentId, frameId: document.frame.frameId, result: toStoredValue(value) ?? null };
    }),
  );
  const top = results.filter((result) => result.frameId === 0);
  return [...top, ...results.filter((result) => result.frameId !== 0)];
}

// ----- insertCSS / removeCSS -----

export interface CSSInjection {
  readonly target: InjectionTarget;
  readonly css?: string;
  readonly files?: readonly string[];
  readonly origin: 'AUTHOR' | 'USER';
}

/** One stylesheet the extension injected into a document: its text and the key removeCSS finds it by. */
export interface InjectedSheet {
  readonly extensionId: string;
  readonly key: string;
  readonly css: string;
  readonly origin: 'AUTHOR' | 'USER';
}

const injectedSheets = new WeakMap<Document, InjectedSheet[]>();

/** The stylesheets extensions injected into `document` (insertCSS, registered css), in injection order. */
export function injectedSheetsOf(document: Document): readonly InjectedSheet[] {
  return injectedSheets.get(document) ?? [];
}

function sheetsOf(document: Document): InjectedSheet[] {
  let sheets = injectedSheets.get(document);
  if (!sheets) injectedSheets.set(document, (sheets = []));
  return sheets;
}

/** The sheets an injection names: its css text, or each of its files. */
function sheetsFor(extension: Extension, injection: CSSInjection, read: boolean): { key: string; css: string }[] {
  const injector = injectorOf(extension.browser);
  if (injection.css !== undefined) return [{ key: `code:${injection.css}`, css: injection.css }];
  // Removing needs no file's text: only a valid path (GetFileResources without loading).
  const paths = checkFiles(injection.files ?? [], (path) => !read || injector.readText(extension, path) !== undefined);
  return paths.map((path) => ({ key: `file:${path}`, css: read ? injector.readText(extension, path) ?? '' : '' }));
}

/** ScriptingInsertCSSFunction: the sheets are added to every target document. */
export function insertCSS(extension: Extension, injection: CSSInjection): void {
  const sheets = sheetsFor(extension, injection, true);
  for (const document of resolveTarget(extension, injection.target)) {
    for (const sheet of sheets) sheetsOf(document).push({ extensionId: extension.id, origin: injection.origin, ...sheet });
  }
}

/** ScriptingRemoveCSSFunction: the target is checked first; removing a sheet that is not there does nothing. */
export function removeCSS(extension: Extension, injection: CSSInjection): void {
  const documents = resolveTarget(extension, injection.target);
  const sheets = sheetsFor(extension, injection, false);
  for (const document of documents) {
    const list = sheetsOf(document);
    for (const sheet of sheets) {
      const index = list.findIndex((s) => s.extensionId === extension.id && s.key === sheet.key && s.origin === injection.origin);
      if (index !== -1) list.splice(index, 1);
    }
  }
}

// ----- registered content scripts -----

/** scripting.RegisteredContentScript as the caller gives it. */
export interface RegisteredContentScriptInit {
  readonly id: string;
  readonly matches?: readonly string[];
  readonly excludeMatches?: readonly string[];
  readonly css?: readonly string[];
  readonly js?: readonly string[];
  readonly allFrames?: boolean;
  readonly matchOriginAsFallback?: boolean;
  readonly runAt?: RunAt;
  readonly persistAcrossSessions?: boolean;
  readonly world?: ExecutionWorldName;
}

/** scripting.RegisteredContentScript as getRegisteredContentScripts gives it: keys sorted, as base::Value keeps them. */
export interface RegisteredContentScriptInfo {
  allFrames: boolean;
  css?: string[];
  excludeMatches?: string[];
  id: string;
  js?: string[];
  matchOriginAsFallback: boolean;
  matches: string[];
  persistAcrossSessions: boolean;
  runAt: RunAt;
  world: ExecutionWorldName;
}

interface RegisteredScript {
  readonly info: RegisteredContentScriptInfo;
  readonly entry: ContentScriptEntry;
}

/** Per extension, its registered scripts by id, in registration order (an update moves a script to the end). */
const registries = new WeakMap<Extension, Map<string, RegisteredScript>>();

function registryOf(extension: Extension): Map<string, RegisteredScript> {
  let registry = registries.get(extension);
  if (!registry) registries.set(extension, (registry = new Map()));
  return registry;
}

/** IsScriptIdValid. */
function checkScriptId(id: string): void {
  if (id === '') throw new ScriptingError(SCRIPTING_EMPTY_SCRIPT_ID);
  if (id.startsWith('_')) throw new ScriptingError(scriptingReservedScriptId(id));
}

/** CreateDynamicScriptIds: valid ids, none already taken nor given twice. */
function checkNewIds(scripts: readonly { readonly id: string }[], existing: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const { id } of scripts) {
    checkScriptId(id);
    if (existing.has(id) || seen.has(id)) throw new ScriptingError(scriptingDuplicateScriptId(id));
    seen.add(id);
  }
}

/** ParseSerializedUserScript for a dynamic content script: its patterns and files, with Chrome's errors. */
function parseScript(info: RegisteredContentScriptInfo): ContentScriptEntry {
  const { id } = info;
  if (info.matches.length === 0) throw new ScriptingError(scriptingNoMatch(id));
  const parse = (list: readonly string[], error: (index: number, message: string) => string) =>
    list.map((text, index) => {
      const pattern = MatchPattern.tryParse(text, CONTENT_SCRIPT_SCHEMES);
      if (pattern instanceof MatchPatternError) throw new ScriptingError(error(index, pattern.message));
      return pattern;
    });
  const matches = parse(info.matches, (index, message) => scriptingInvalidMatch(id, index, message));
  const excludeMatches = parse(info.excludeMatches ?? [], (index, message) => scriptingInvalidExcludeMatch(id, index, message));
  const js = info.js ?? [];
  const css = info.css ?? [];
  if (js.length === 0 && css.length === 0) throw new ScriptingError(scriptingNoFiles(id));
  return new ContentScriptEntry(
    -1,
    new MatchPatternSet(matches),
    new MatchPatternSet(excludeMatches),
    [],
    [],
    js,
    css,
    info.allFrames,
    info.matchOriginAsFallback ? 'always' : 'never',
    info.runAt,
    info.world,
  );
}

/** ValidateParsedScriptsOnFileThread: every file exists (the js files, then the css files, of each script). */
function checkScriptFilesExist(extension: Extension, scripts: readonly RegisteredScript[]): void {
  const injector = injectorOf(extension.browser);
  for (const { info } of scripts) {
    for (const path of info.js ?? []) if (!injector.hasScript(extension, path.replace(/^\/+/, ''))) throw new ScriptingError(contentScriptJsMissing(path));
    for (const path of info.css ?? []) if (injector.readText(extension, path.replace(/^\/+/, '')) === undefined) throw new ScriptingError(contentScriptCssMissing(path));
  }
}

function describe(init: RegisteredContentScriptInit, persist: boolean): RegisteredContentScriptInfo {
  const info: RegisteredContentScriptInfo = {
    allFrames: init.allFrames ?? false,
    id: init.id,
    matchOriginAsFallback: init.matchOriginAsFallback ?? false,
    matches: [...(init.matches ?? [])],
    persistAcrossSessions: persist,
    runAt: init.runAt ?? 'document_idle',
    world: init.world ?? 'ISOLATED',
  };
  if (init.css) info.css = [...init.css];
  if (init.excludeMatches) info.excludeMatches = [...init.excludeMatches];
  if (init.js) info.js = [...init.js];
  return sortedInfo(info);
}

function sortedInfo(info: RegisteredContentScriptInfo): RegisteredContentScriptInfo {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(info).sort()) out[key] = (info as unknown as Record<string, unknown>)[key];
  return out as unknown as RegisteredContentScriptInfo;
}

/** ScriptingRegisterContentScriptsFunction: all the scripts, or none of them. */
export function registerContentScripts(extension: Extension, scripts: readonly RegisteredContentScriptInit[]): void {
  const registry = registryOf(extension);
  checkNewIds(scripts, new Set(registry.keys()));
  const parsed = scripts.map((init) => {
    if (init.matches === undefined) throw new ScriptingError(scriptingMatchesRequired(init.id));
    const info = describe(init, init.persistAcrossSessions ?? true);
    return { info, entry: parseScript(info) };
  });
  checkScriptFilesExist(extension, parsed);
  attachRegisteredScripts(extension.browser);
  for (const script of parsed) registry.set(script.info.id, script);
}

/** ScriptingGetRegisteredContentScriptsFunction: an empty id list filters nothing out. */
export function getRegisteredContentScripts(extension: Extension, ids: readonly string[] | undefined): RegisteredContentScriptInfo[] {
  const scripts = [...registryOf(extension).values()].map((script) => structuredClone(script.info));
  return ids && ids.length > 0 ? scripts.filter((script) => ids.includes(script.id)) : scripts;
}

/**
 * ScriptingUpdateContentScriptsFunction::ApplyUpdate: the given properties replace the script's
 * (world excepted, as in Chromium's ApplyUpdate); a script stays persistent only if the update says
 * so, since Chromium checks an empty set for the old flag.
 */
export function updateContentScripts(extension: Extension, scripts: readonly RegisteredContentScriptInit[]): void {
  const registry = registryOf(extension);
  checkNewIds(scripts, new Set());
  for (const { id } of scripts) if (!registry.has(id)) throw new ScriptingError(scriptingScriptNotRegistered(id));
  const updated = scripts.map((update) => {
    const original = registry.get(update.id)!.info;
    const merged: RegisteredContentScriptInit = {
      ...original,
      matches: update.matches ?? original.matches,
      excludeMatches: update.excludeMatches ?? original.excludeMatches,
      js: update.js ?? original.js,
      css: update.css ?? original.css,
      allFrames: update.allFrames ?? original.allFrames,
      matchOriginAsFallback: update.matchOriginAsFallback ?? original.matchOriginAsFallback,
      runAt: update.runAt ?? original.runAt,
    };
    const info = describe(merged, update.persistAcrossSessions === true);
    return { info, entry: parseScript(info) };
  });
  checkScriptFilesExist(extension, updated);
  for (const script of updated) {
    registry.delete(script.info.id);
    registry.set(script.info.id, script);
  }
}

/** ScriptingUnregisterContentScriptsFunction: without ids (or with an empty list, crbug.com/40216362) every script goes. */
export function unregisterContentScripts(extension: Extension, ids: readonly string[] | undefined): void {
  const registry = registryOf(extension);
  if (!ids || ids.length === 0) {
    registry.clear();
    return;
  }
  for (const id of ids) {
    checkScriptId(id);
    if (!registry.has(id)) throw new ScriptingError(scriptingNonexistentScriptId(id));
  }
  for (const id of ids) registry.delete(id);
}

/**
 * Injects the extension's registered scripts into a new document, after its manifest's: those that
 * match it (and `select`), where the extension has host permission; js in the script's world, css
 * recorded on the document.
 */
function injectRegisteredScripts(document: Document, extension: Extension, select: (entry: ContentScriptEntry) => boolean): void {
  const registry = registries.get(extension);
  if (!registry || registry.size === 0) return;
  const tabId = document.frame.tab.id;
  const injector = injectorOf(extension.browser);
  for (const { entry, info } of registry.values()) {
    if (!select(entry) || !entry.matchesFrame({ url: document.url, isMainFrame: document.frame.isMainFrame })) continue;
    if (!canAccessPage(extension, effectiveUrl(document), tabId)) continue;
    for (const path of entry.css) {
      sheetsOf(document).push({ extensionId: extension.id, key: `file:${path}`, css: injector.readText(extension, path) ?? '', origin: 'AUTHOR' });
    }
    const scripts = entry.js.flatMap((path) => injector.contentScript(extension, path.replace(/^\/+/, ''), info.runAt) ?? []);
    if (scripts.length === 0) continue;
    if (info.world === 'MAIN') for (const script of scripts) void document.mainWorld.run(script);
    else extension.browser.injectContentScript(document, extension, scripts);
  }
}

const attached = new WeakSet<Browser>();

/** Makes `browser` inject registered content scripts into new documents: once, when the first script is registered. */
function attachRegisteredScripts(browser: Browser): void {
  if (attached.has(browser)) return;
  attached.add(browser);
  browser.addContentScriptProvider(injectRegisteredScripts);
}
