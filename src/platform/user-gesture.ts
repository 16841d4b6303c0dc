/**
 * User gestures as extension functions see them (ExtensionFunction::user_gesture): an event the
 * browser raises for a user's action — a click on the action, a context menu item, a command, an
 * omnibox entry — carries a gesture into its listeners, and the API calls they make synchronously
 * have it (in a service worker, ExtensionInteractionProvider's scope lasts only the dispatch:
 * after an `await` it is gone, observed in Chromium 156).
 */
import type { ScriptContext } from '../core/context.ts';
import type { Document } from '../core/document.ts';
import type { Extension } from '../core/extension.ts';

const interacting = new WeakSet<ScriptContext>();

/** blink's UserActivationState::kActivationLifespan: a frame's activation lasts 5 s after the gesture. */
const ACTIVATION_LIFESPAN_MS = 5000;
const activations = new WeakMap<Document, number>();

/** The user acted in the document (a click, a key): its frame has transient activation for a while. */
export function activateDocument(document: Document): void {
  activations.set(document, document.frame.browser.clock.now());
}

/**
 * Whether an API function called now in `context` is called in response to a user gesture: inside
 * a user-action event's dispatch, or in a frame whose transient activation has not expired.
 */
export function hasUserGesture(context: ScriptContext): boolean {
  if (interacting.has(context)) return true;
  const document = context.document;
  const activated = document && activations.get(document);
  return activated !== undefined && document!.frame.browser.clock.now() - activated < ACTIVATION_LIFESPAN_MS;
}

/**
 * Runs `body` (a listener's dispatch) with a user gesture in `context`: a message sent with one
 * carries it to its receivers (extensions::Message::user_gesture), so that a content script's
 * click can make the worker open a side panel.
 */
export function runWithUserGesture<T>(context: ScriptContext, body: () => T): T {
  if (interacting.has(context)) return body();
  interacting.add(context);
  try {
    return body();
  } finally {
    interacting.delete(context);
  }
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
