import type { DOMWindow } from 'jsdom';
import type { Browser } from '../core/browser.ts';
import type { ContextScript, ScriptContext } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';
import type { RunAt } from '../core/manifest/content-scripts.ts';
import { HOST_REALM_INJECTOR, setScriptInjector, settledValue, type ScriptInjector } from '../platform/scripting.ts';
import { realmOfContext } from './context-realm.ts';
import { domOf } from './dom.ts';
import { reportUncaught } from './uncaught.ts';

/**
 * chrome.scripting's code in the loader's realms: a file is evaluated as a classic script in the
 * context's realm (its completion value is its result), a func is the expression `(func)(args)`
 * evaluated there, so it sees that world's globals and none of the caller's closures. Contexts the
 * loader gave no realm (extensions installed in code) run as the platform's host-realm injector does.
 */
export function attachInjectedScripts(browser: Browser): void {
  setScriptInjector(browser, loaderInjector(browser));
}

/** A file of the extension: what its URL serves (an unpacked extension's folder), or undefined. */
function readFile(browser: Browser, extension: Extension, path: string): string | undefined {
  return domOf(browser)?.resolve(extension.getURL(path));
}

function loaderInjector(browser: Browser): ScriptInjector {
  /** Evaluates each source in order in the realm; the last one's completion value, or undefined if it threw. */
  const evaluate = (context: ScriptContext, sources: readonly { code: string; url: string }[]): unknown => {
    const realm = realmOfContext(context)!;
    let value: unknown;
    for (const { code, url } of sources) {
      try {
        value = realm.evaluate(code, url);
      } catch (error) {
        reportUncaught(context, error);
        value = undefined;
      }
    }
    return value;
  };
  return {
    hasScript: (extension, path) => readFile(browser, extension, path) !== undefined || HOST_REALM_INJECTOR.hasScript(extension, path),
    readText: (extension, path) => readFile(browser, extension, path),
    runFiles(context, paths) {
      const extension = context.extension;
      if (!realmOfContext(context) || !extension) return HOST_REALM_INJECTOR.runFiles(context, paths);
      const sources = paths.map((path) => ({ code: readFile(browser, extension, path) ?? '', url: extension.getURL(path) }));
      return settledValue(context, evaluate(context, sources));
    },
    runCode(context, code) {
      if (!realmOfContext(context)) return HOST_REALM_INJECTOR.runCode(context, code);
      return settledValue(context, evaluate(context, [{ code, url: '' }]));
    },
    contentScript(extension, path, runAt) {
      const source = readFile(browser, extension, path);
      if (source === undefined) return HOST_REALM_INJECTOR.contentScript(extension, path, runAt);
      return registeredContentScript(source, extension.getURL(path), runAt);
    },
  };
}

/** A registered content script's file, run in its world of the frame when `runAt` comes (as the loader's manifest scripts are). */
function registeredContentScript(source: string, url: string, runAt: RunAt): ContextScript {
  return ({ context }) => {
    const realm = realmOfContext(context);
    if (!realm) return;
    const run = () => {
      if (context.disposed) return;
      try {
        realm.evaluate(source, url);
      } catch (error) {
        reportUncaught(context, error);
      }
    };
    const document = context.document;
    const window = document ? domOf(context.browser)?.domOf(document).window : undefined;
    const ready = window ? whenReady(window, runAt) : undefined;
    if (!ready) return run();
    return ready.then(run);
  };
}

/** Undefined when the moment has come; else a promise for it (after every listener of the event ran). */
function whenReady(window: DOMWindow, runAt: RunAt): Promise<void> | undefined {
  const state = window.document.readyState;
  if (runAt === 'document_start' || state === 'complete' || (runAt === 'document_end' && state === 'interactive')) return undefined;
  const [target, event] = runAt === 'document_end' ? [window.document, 'DOMContentLoaded'] : [window, 'load'];
  return new Promise((resolve) => target.addEventListener(event, () => queueMicrotask(resolve), { once: true }));
}
