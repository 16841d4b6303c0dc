import type { Browser } from '../core/browser.ts';
import type { ScriptContext } from '../core/context.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { providePackageDirectory } from '../api/package-directory.ts';
import { realmOfContext } from './context-realm.ts';
import { domOf } from './dom.ts';
import { packageDirectoryEntry } from './package-directory.ts';
import { attachInjectedScripts } from './injected-scripts.ts';
import { createDomWorldRealm } from './dom-world.ts';
import { createServiceWorkerRealm } from './service-worker.ts';

/** Per browser: the extensions the loader installed, by id. */
const loadedExtensions = new WeakMap<Browser, Map<string, ExtensionFiles>>();

/** Records that `files` is the code of the extension with that id, so its contexts get realms. */
export function registerExtensionFiles(browser: Browser, files: ExtensionFiles): () => void {
  const loaded = loadedExtensions.get(browser);
  if (!loaded) throw new Error('attachRealms(browser) must come first');
  loaded.set(files.extensionId, files);
  return () => loaded.delete(files.extensionId);
}

/**
 * Gives each new context of `browser` its own vm realm, once per browser: the loader's
 * extensions' service workers, pages and content scripts, and (with DOM support) web pages'
 * main worlds. Contexts of extensions installed otherwise keep the host realm.
 */
export function attachRealms(browser: Browser): void {
  if (loadedExtensions.has(browser)) return;
  loadedExtensions.set(browser, new Map());
  browser.observeContexts((context) => createRealm(browser, context));
  attachInjectedScripts(browser);
  providePackageDirectory(browser, (context) => {
    const files = context.extension ? loadedExtensions.get(browser)?.get(context.extension.id) : undefined;
    const realm = realmOfContext(context);
    const document = context.document;
    const dom = domOf(browser);
    if (!files || !realm || !document || !dom) return undefined;
    return realm.membrane.toRealm(packageDirectoryEntry(context, files, dom.domOf(document).window));
  });
}

function createRealm(browser: Browser, context: ScriptContext): void {
  const files = context.extension ? loadedExtensions.get(browser)?.get(context.extension.id) : undefined;
  const dom = domOf(browser);
  const document = context.document;
  if (context.type === 'service_worker') {
    if (files) createServiceWorkerRealm(context, files, context.extension!.parsed.serviceWorkerType);
    return;
  }
  if (!dom || !document || (context.type !== 'web_page' && !files)) return;
  createDomWorldRealm(context, dom.domOf(document), dom.domOf);
  context.onDisposed(() => {
    if (document.lifecycle === 'pending_deletion') dom.documentGone(document);
  });
}
