import type { ScriptContext } from '../core/context.ts';
import { createConsole } from './console.ts';
import { defineGlobal, type RealmGlobal } from './context-realm.ts';
import { createTimers } from './timers.ts';
import { reportUncaught } from './uncaught.ts';

/** Web platform values a worker or isolated world needs, taken from the host where they are plain functions. */
const HOST_WEB_GLOBALS = ['URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'structuredClone', 'atob', 'btoa', 'AbortController', 'AbortSignal'];

/**
 * Installs the globals every realm the loader makes has: a `console` writing to the context's
 * console, timers and queueMicrotask whose errors are reported as uncaught in the context, and
 * the web utility classes the realm lacks. A jsdom window keeps its own timers (`timers: false`).
 */
export function installWebGlobals(global: RealmGlobal, context: ScriptContext, options: { timers: boolean }): void {
  defineGlobal(global, 'console', createConsole(context));
  if (options.timers) for (const [name, fn] of Object.entries(createTimers(context))) defineGlobal(global, name, fn);
  defineGlobal(global, 'queueMicrotask', (callback: () => void) => {
    queueMicrotask(() => {
      if (context.disposed) return;
      try {
        callback();
      } catch (error) {
        reportUncaught(context, error);
      }
    });
  });
  const host = globalThis as unknown as RealmGlobal;
  for (const name of HOST_WEB_GLOBALS) if (!(name in global)) defineGlobal(global, name, host[name]);
}
