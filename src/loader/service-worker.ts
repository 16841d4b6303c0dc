import type { ContextScript, ScriptContext } from '../core/context.ts';
import { bindRealm, createRealmContext, defineGlobal, realmOfContext, type ContextRealm } from './context-realm.ts';
import { IMPORT_SCRIPTS_IN_MODULE, importScriptsFailed } from '../core/errors.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { evaluateModule } from './module-graph.ts';
import { reportUncaught } from './uncaught.ts';
import { installWebGlobals } from './web-globals.ts';
import { createEventTarget } from './worker-event-target.ts';
import { installWorkerGlobals } from './worker-globals.ts';

/**
 * The realm of an extension's service worker: a ServiceWorkerGlobalScope with `self`, the web
 * globals and a worker's web platform (fetch, caches, indexedDB, …: worker-globals.ts), `importScripts` (classic workers; URLs resolve against the worker script's URL, within
 * the extension) and an event target for `self.addEventListener('install', …)`.
 */
export function createServiceWorkerRealm(context: ScriptContext, files: ExtensionFiles, type: 'classic' | 'module'): ContextRealm {
  const realm = bindRealm(context, createRealmContext());
  const global = realm.global;
  installWebGlobals(global, context, { timers: true });
  installWorkerGlobals(realm, context, files);
  defineGlobal(global, 'self', global);
  for (const [name, fn] of Object.entries(createEventTarget(context))) defineGlobal(global, name, fn);
  defineGlobal(global, 'importScripts', (...urls: unknown[]) => {
    const TypeErrorOfRealm = global.TypeError as TypeErrorConstructor;
    if (type === 'module') throw new TypeErrorOfRealm(IMPORT_SCRIPTS_IN_MODULE);
    const resolved = urls.map((url) => new URL(String(url), context.url).href);
    for (const url of resolved) {
      const source = files.readUrl(url);
      if (source === undefined) {
        const error = new (global.Error as ErrorConstructor)(importScriptsFailed(url));
        error.name = 'NetworkError';
        throw error;
      }
      realm.evaluate(source, url);
    }
  });
  return realm;
}

/** The service worker's script: evaluated in the worker's realm as a classic script or an ES module. */
export function serviceWorkerScript(files: ExtensionFiles, path: string, type: 'classic' | 'module'): ContextScript {
  return ({ context }) => {
    const realm = realmOfContext(context);
    if (!realm) throw new Error(`No realm for ${context.toString()}: was the loader attached before the extension was installed?`);
    const url = files.urlOf(path);
    if (type === 'module') {
      return evaluateModule(realm, url, (moduleUrl) => files.readUrl(moduleUrl), { serviceWorker: true }).catch((error: unknown) => reportUncaught(context, error));
    }
    try {
      realm.evaluate(files.readPath(path) ?? '', url);
    } catch (error) {
      reportUncaught(context, error);
    }
  };
}
