import { types } from 'node:util';
import type { ScriptContext } from '../core/context.ts';
import { CONTEXT_INVALIDATED, errorInEventHandler } from '../core/errors.ts';
import { describeThrown } from './thrown.ts';

/** What one dispatch produced: each listener's return value, and what listeners threw. */
export interface DispatchResult {
  readonly results: unknown[];
  readonly errors: unknown[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of any shape
type AnyListener = (...args: any[]) => unknown;

/**
 * A chrome.Event (extensions/renderer/bindings/event_emitter.cc): listeners run synchronously
 * in registration order over a snapshot; a listener's throw is reported to the console and
 * does not stop the others.
 */
export class ChromeEvent<Listener extends AnyListener> {
  #listeners: Listener[] = [];
  #invalidated = false;
  // Private fields, not properties: an event is handed to the context's code, which must not reach its context.
  readonly #context: ScriptContext;
  readonly #onListening: ((listening: boolean) => void) | undefined;

  /**
   * `onListening` hears the context's first listener added (true) and its last one taken away by
   * removeListener (false), as Chrome's bindings tell the browser (UnfilteredEventListeners, extensions/
   * renderer/bindings/api_event_listeners.cc); not the listeners a dying context drops (invalidate).
   */
  constructor(context: ScriptContext, onListening?: (listening: boolean) => void) {
    this.#context = context;
    this.#onListening = onListening;
  }

  addListener(listener: Listener): void {
    this.#assertContextValid();
    if (this.#invalidated || typeof listener !== 'function' || this.#listeners.includes(listener)) return;
    this.#listeners.push(listener);
    if (this.#listeners.length === 1) this.#onListening?.(true);
  }

  removeListener(listener: Listener): void {
    this.#assertContextValid();
    const index = this.#listeners.indexOf(listener);
    if (index < 0) return;
    this.#listeners.splice(index, 1);
    if (this.#listeners.length === 0) this.#onListening?.(false);
  }

  hasListener(listener: Listener): boolean {
    this.#assertContextValid();
    return this.#listeners.includes(listener);
  }

  hasListeners(): boolean {
    this.#assertContextValid();
    return this.#listeners.length > 0;
  }

  /** Internal: whether dispatching would reach anyone (no context check). */
  get listenerCount(): number {
    return this.#listeners.length;
  }

  /** Internal: runs every listener with `args`. */
  dispatch(args: Parameters<Listener>): DispatchResult {
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const listener of [...this.#listeners]) {
      if (!this.#context.valid) break;
      try {
        const result = listener(...args);
        if (result !== undefined) results.push(result);
      } catch (error) {
        errors.push(error);
        // V8 prints a thrown Error with its stack, anything else as "Uncaught <value>" (observed in Chromium 156).
        this.#context.log('error', errorInEventHandler(types.isNativeError(error) ? describeThrown(error, true) : `Uncaught ${describeThrown(error)}`));
      }
    }
    return { results, errors };
  }

  /** Internal: the event's owner is gone; later addListener calls are ignored. */
  invalidate(): void {
    this.#invalidated = true;
    this.#listeners = [];
  }

  #assertContextValid(): void {
    if (!this.#context.valid) throw new Error(CONTEXT_INVALIDATED);
  }
}
