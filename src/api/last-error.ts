import type { ScriptContext } from '../core/context.ts';
import { uncheckedLastError } from '../core/errors.ts';
import type { Realm } from './realm.ts';

/**
 * runtime.lastError (extensions/renderer/bindings/api_last_error.cc): set only while a callback
 * or an onDisconnect dispatch runs, then cleared; an error nobody read is reported to the console.
 */
export class LastError {
  #current: { message: string } | undefined;
  #accessed = false;
  /** The objects with a `lastError` property while one is set: chrome.runtime. */
  readonly #hosts: object[] = [];

  constructor(
    private readonly context: ScriptContext,
    private readonly realm: Realm,
  ) {}

  /** `host.lastError` exists only while an error is set, as in Chrome ('lastError' in chrome.runtime is false otherwise). */
  attach(host: object): void {
    this.#hosts.push(host);
    // chrome.runtime may be made inside a callback that runs with an error set: it has it too.
    if (this.#current) this.expose();
  }

  /** What chrome.runtime.lastError reads. */
  get(): { message: string } | undefined {
    if (this.#current) this.#accessed = true;
    return this.#current;
  }

  /** Runs `body` with lastError set to `message` (when not empty), reporting it if left unread. */
  runWith(message: string, body: () => void): void {
    if (message === '') {
      body();
      return;
    }
    const previous = this.#current;
    const previousAccessed = this.#accessed;
    this.#current = this.errorObject(message);
    this.#accessed = false;
    this.expose();
    try {
      body();
    } finally {
      if (!this.#accessed) this.context.log('error', uncheckedLastError(message));
      this.#current = previous;
      this.#accessed = previousAccessed;
      this.expose();
    }
  }

  private expose(): void {
    for (const host of this.#hosts) {
      if (this.#current) {
        Object.defineProperty(host, 'lastError', { get: () => this.get(), enumerable: true, configurable: true });
      } else {
        delete (host as { lastError?: unknown }).lastError;
      }
    }
  }

  /**
   * Chrome's lastError object: an own enumerable `message`, made by an anonymous constructor
   * (Object.keys is ["message"], constructor.name is "": observed in Chromium 156).
   */
  private errorObject(message: string): { message: string } {
    const objectPrototype = Object.getPrototypeOf(this.realm.JSON.parse('{}')) as object;
    const prototype = Object.create(objectPrototype) as { constructor: unknown };
    // The realm's own anonymous function: a context reaches nothing of another realm through it
    // (made without compiling a string, which a sealed realm may refuse).
    const constructor = this.realm.ownFunction?.(() => undefined) ?? function () {};
    Object.defineProperty(prototype, 'constructor', { value: constructor, writable: true, configurable: true });
    const error = Object.create(prototype) as { message: string };
    error.message = message;
    return error;
  }
}
