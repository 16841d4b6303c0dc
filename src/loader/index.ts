/**
 * The loader: runs unpacked extensions from disk in a Switchboard browser, each context in its
 * own realm, with DOM support for pages and content scripts; and runInContext, to test one's own
 * modules written against the global `chrome` as a chosen context.
 */
export { loadUnpacked, type LoadUnpackedOptions } from './load-unpacked.ts';
export { attachDom, domOf, BrowserDom, type DomOptions, type DocumentDom, type PageResolver } from './dom.ts';
export { realmOfContext, type ContextRealm, type RealmGlobal } from './context-realm.ts';
export { runInContext, currentContext, contextChrome } from './run-in-context.ts';
