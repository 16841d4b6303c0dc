/**
 * What the module graphs of a realm may load, and where its import() leads: never Node's own
 * module loader, so `node:` and bare specifiers resolve to nothing, and never a file outside the
 * extension's folder (or the sites the loader serves).
 *
 * - An extension page loads its own extension's files (by chrome-extension:// URL, read through
 *   extension-files.ts, symlinks confined to the folder).
 * - A content script, or a web page, loads an extension's file only where the extension's
 *   web_accessible_resources lists it for the page; a web page loads the http(s) files the loader
 *   serves (its sites).
 * - A service worker has no import() at all (service_worker_global_scope.cc).
 */
import { DYNAMIC_IMPORT_IN_SERVICE_WORKER, RESOURCE_NOT_FOUND, dynamicImportFetchFailed, dynamicImportUnresolved, moduleFetchFailed } from '../core/errors.ts';
import type { ContextRealm } from './context-realm.ts';
import { domOf } from './dom.ts';
import { isWebAccessible } from '../core/manifest/web-accessible-resources.ts';

/** Where a module graph's files come from: the text behind a URL, or undefined. */
export type ModuleSource = (url: string) => string | undefined;

/**
 * Whether the realm's module graphs may fetch `url` at all. A content script fetches as its page
 * does (observed in Chromium 156: conformance/content-script-import-needs-web-accessible-resources).
 */
function mayLoad(realm: ContextRealm, url: URL): boolean {
  const { context } = realm;
  const extension = context.extension;
  if (url.protocol === 'chrome-extension:') {
    if (extension?.id === url.host && context.type !== 'content_script') return true;
    const target = context.browser.extensions.get(url.host);
    return target !== undefined && isWebAccessible(target.manifest, decodeURIComponent(url.pathname), context.url);
  }
  return extension === undefined && (url.protocol === 'http:' || url.protocol === 'https:');
}

/** The files the realm's module graphs may load: its own, as the loader serves them; undefined for anything else. */
export function moduleSourceOf(realm: ContextRealm): ModuleSource {
  return (url) => {
    if (!URL.canParse(url) || !mayLoad(realm, new URL(url))) return undefined;
    return domOf(realm.context.browser)?.resolve(url);
  };
}

/**
 * The URL `import(specifier)` fetches, from code whose base URL is `baseUrl` (the script's URL; the
 * document's for code without one, as injected code and content scripts); else Chrome's rejection,
 * a TypeError of the realm. A URL the realm may not load fails as a fetch that failed, as
 * `import("node:fs")` does in Chrome (the URL parses; nothing serves its scheme).
 */
export function dynamicImportUrl(realm: ContextRealm, specifier: string, baseUrl: string): string {
  const TypeErrorOfRealm = realm.global.TypeError as TypeErrorConstructor;
  if (realm.context.type === 'service_worker') throw new TypeErrorOfRealm(DYNAMIC_IMPORT_IN_SERVICE_WORKER);
  // A content script has no base URL of its own in Chrome (it runs as an "unspecified" script):
  // its relative specifiers resolve against the document's URL.
  const own = realm.context.type !== 'content_script' && URL.canParse('.', baseUrl);
  const base = own ? baseUrl : realm.context.url;
  let url: URL;
  if (/^(\/|\.\/|\.\.\/)/.test(specifier) && URL.canParse(specifier, base)) url = new URL(specifier, base);
  else if (URL.canParse(specifier)) url = new URL(specifier);
  else throw new TypeErrorOfRealm(dynamicImportUnresolved(specifier));
  if (!mayLoad(realm, url)) throw new TypeErrorOfRealm(dynamicImportFetchFailed(url.href));
  return url.href;
}

/** What import() of `url` rejects with when a file of its graph could not be fetched (the load logged the console line). */
export function dynamicImportFailed(realm: ContextRealm, url: string): TypeError {
  return new (realm.global.TypeError as TypeErrorConstructor)(dynamicImportFetchFailed(url));
}

/** The errors moduleFetchError made: a fetch that failed, as import() reports it in its own words. */
const fetchErrors = new WeakSet<object>();

/** A module of a graph could not be fetched: the console line, and the realm's TypeError a static graph fails with. */
export function moduleFetchError(realm: ContextRealm, url: string): TypeError {
  realm.context.log('error', RESOURCE_NOT_FOUND);
  const error = new (realm.global.TypeError as TypeErrorConstructor)(moduleFetchFailed(url));
  fetchErrors.add(error);
  return error;
}

/** Whether `error` is a moduleFetchError. */
export function isModuleFetchError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && fetchErrors.has(error);
}
