/**
 * The internals of jsdom the loader uses, which jsdom does not export: whether an object is one of
 * its platform objects (a wrapper of an implementation: a Node, a Window, an Event), which HTML's
 * structured clone refuses; firing a trusted event; holding a document's DOMContentLoaded for a
 * deferred script.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const utils = require('jsdom/lib/generated/idl/utils.js') as { implSymbol: symbol };

/** The implementation behind a jsdom wrapper, or undefined for any other object. */
export function implForWrapper(object: object): unknown {
  return Object.prototype.hasOwnProperty.call(object, utils.implSymbol) ? (object as Record<symbol, unknown>)[utils.implSymbol] : undefined;
}

const events = require('jsdom/lib/jsdom/living/helpers/events.js') as {
  fireAnEvent(type: string, target: object, eventInterface: unknown, attributes: Record<string, unknown>): boolean;
};
const messageEvent = require('jsdom/lib/generated/idl/MessageEvent.js') as unknown;

/**
 * Fires a trusted `message` event at a jsdom window, as the browser does for window.postMessage
 * (an event a script dispatches is untrusted).
 */
export function fireMessageEvent(window: object, attributes: { data: unknown; origin: string; source: unknown }): void {
  events.fireAnEvent('message', window, messageEvent, attributes);
}

/**
 * Holds the document's DOMContentLoaded (and so its load) until `running` settles, as a deferred
 * script does: jsdom's queue of deferred scripts. Only while the document is still loading (once
 * DOMContentLoaded fired, there is nothing to hold).
 */
export function deferDocumentEvents(window: { document: { readyState: string } }, running: Promise<unknown>): void {
  if (window.document.readyState !== 'loading') return;
  const document = implForWrapper(window.document as object) as { _deferQueue?: { push(request: Promise<unknown>, onLoad: null, onError: null): void } } | undefined;
  document?._deferQueue?.push(running.catch(() => undefined), null, null);
}
