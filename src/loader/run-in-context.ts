import { AsyncLocalStorage } from 'node:async_hooks';
import type { ScriptContext } from '../core/context.ts';
import { createRunInContextMembrane } from './run-in-context-membrane.ts';

const current = new AsyncLocalStorage<ScriptContext>();
const membranes = new WeakMap<ScriptContext, <T>(value: T) => T>();
let globalsInstalled = false;

/**
 * Runs `fn` as code of `context`, for testing one's own modules written against the global
 * `chrome`: while `fn` runs, and in every promise continuation and timer it starts, the host's
 * global `chrome` (and `browser`, where Chrome aliases it) is that context's own. Listeners and
 * callbacks the code hands to the API keep running as `context`, whoever triggers them.
 *
 * ```ts
 * await runInContext(extension.serviceWorker!, () => import('./background.ts'));
 * const reply = await runInContext(tab.mainFrame.contentScript(extension)!, () => content.greet('hi'));
 * ```
 *
 * Outside of it the globals are undefined. A module's top-level code runs once per module URL:
 * to run the same module as two contexts, import it under two URLs (`./content.ts?frame=1`).
 */
export function runInContext<T>(context: ScriptContext, fn: () => T): T {
  installGlobals();
  return current.run(context, fn);
}

/** The context whose code is running (inside runInContext), if any. */
export function currentContext(): ScriptContext | undefined {
  return current.getStore();
}

/** The context's `chrome` as runInContext code sees it: listeners it registers run as the context. */
export function contextChrome(context: ScriptContext): object | undefined {
  return membraneOf(context)(context.chrome);
}

/** The context's `browser` namespace as runInContext code sees it (undefined where Chrome has none). */
export function contextBrowser(context: ScriptContext): object | undefined {
  return membraneOf(context)(context.browserNamespace);
}

function membraneOf(context: ScriptContext): ReturnType<typeof createRunInContextMembrane> {
  let membrane = membranes.get(context);
  if (!membrane) {
    membrane = createRunInContextMembrane((fn) => current.run(context, fn));
    membranes.set(context, membrane);
  }
  return membrane;
}

/** Defines the host's `chrome` and `browser` as the running context's; assigning one replaces it for good. */
function installGlobals(): void {
  if (globalsInstalled) return;
  globalsInstalled = true;
  for (const name of ['chrome', 'browser'] as const) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => {
        const context = current.getStore();
        if (!context) return undefined;
        return name === 'chrome' ? contextChrome(context) : contextBrowser(context);
      },
      set: (value: unknown) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true }),
    });
  }
}
