/**
 * User gestures as extension functions see them (ExtensionFunction::user_gesture): an event the
 * browser raises for a user's action — a click on the action, a context menu item, a command, an
 * omnibox entry — carries a gesture into its listeners, and the API calls they make synchronously
 * have it (in a service worker, ExtensionInteractionProvider's scope lasts only the dispatch:
 * after an `await` it is gone, observed in Chromium 156).
 */
import type { ScriptContext } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';

const interacting = new WeakSet<ScriptContext>();

/** Whether an API function called now in `context` is called in response to a user gesture. */
export function hasUserGesture(context: ScriptContext): boolean {
  return interacting.has(context);
}

/** Raises `eventName` in the extension's privileged contexts, each listener run inside a user gesture. */
export function dispatchWithUserGesture(extension: Extension, eventName: string, args: readonly unknown[]): void {
  const browser = extension.browser;
  browser.post(() => {
    if (!extension.enabled) return;
    for (const context of browser.contextsOf(extension)) {
      interacting.add(context);
      try {
        browser.events.dispatchToContext(context, eventName, args);
      } finally {
        interacting.delete(context);
      }
    }
  });
}
