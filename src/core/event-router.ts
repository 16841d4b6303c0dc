import type { Browser } from './browser.ts';
import type { ScriptContext } from './context.ts';
import type { Extension } from './extension.ts';

/** Which of an extension's contexts an event is for. */
export interface EventFilter {
  /** Content scripts hear the event too (storage.onChanged); by default only privileged contexts do. */
  readonly contentScripts?: boolean;
  /** Only contexts for which this holds (a tab's own content scripts, one page...). */
  readonly where?: (context: ScriptContext) => boolean;
}

/**
 * Chromium's EventRouter (extensions/browser/event_router.cc), for the events that are not
 * messaging: the browser raises an event for an extension, and every live context of it that has
 * the event's namespace hears it, each in a task of its own. Arguments are the browser's plain
 * data; each context gets its own copy, made in its realm.
 */
export class EventRouter {
  constructor(private readonly browser: Browser) {}

  /** Raises `eventName` (e.g. "runtime.onInstalled") with `args` in the extension's contexts. */
  dispatchToExtension(extension: Extension, eventName: string, args: readonly unknown[], filter: EventFilter = {}): void {
    this.browser.post(() => {
      if (!extension.enabled) return;
      const dispatch = (): void => {
        if (!extension.enabled) return;
        for (const context of this.browser.contextsOf(extension, filter.contentScripts === true)) {
          if (filter.where && !filter.where(context)) continue;
          this.dispatchToContext(context, eventName, args);
        }
      };
      // A stopped worker that had a listener for the event (a lazy listener) is started for it, and
      // hears it once its top-level code ran; a starting one hears it once it is running.
      const lifetime = extension.serviceWorkerLifetime;
      const state = lifetime.state;
      if (filter.where === undefined && (lifetime.waking || (state === 'stopped' && lifetime.wakesFor(eventName)))) lifetime.whenRunning(dispatch);
      else dispatch();
    });
  }

  /** Raises the event in one context now; returns whether a listener heard it. */
  dispatchToContext(context: ScriptContext, eventName: string, args: readonly unknown[]): boolean {
    if (!context.valid) return false;
    const endpoint = context.endpoint;
    // Chrome sends an event only where a listener waits for it; one that reaches the worker starts
    // its idle timer again.
    if (endpoint.hasListener && !endpoint.hasListener(eventName)) return false;
    if (context.type === 'service_worker') context.extension?.serviceWorkerLifetime.activity();
    return endpoint.dispatchEvent(eventName, args);
  }

  /**
   * Whether raising `eventName` for the extension would reach anyone (a context's listener, or a
   * stopped worker's lazy one): producers skip building the arguments of events nobody hears.
   */
  listens(extension: Extension, eventName: string, contentScripts = false): boolean {
    const lifetime = extension.serviceWorkerLifetime;
    if (lifetime.waking || (lifetime.state === 'stopped' && lifetime.wakesFor(eventName))) return true;
    for (const context of this.browser.contextsOf(extension, contentScripts)) {
      if (!context.endpoint.hasListener || context.endpoint.hasListener(eventName)) return true;
    }
    return false;
  }
}
