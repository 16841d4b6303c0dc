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

  constructor(
    private readonly context: ScriptContext,
    private readonly realm: Realm,
  ) {}

  /** The getter behind chrome.runtime.lastError. */
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
    this.#current = this.realm.JSON.parse(JSON.stringify({ message })) as { message: string };
    this.#accessed = false;
    try {
      body();
    } finally {
      if (!this.#accessed) this.context.log('error', uncheckedLastError(message));
      this.#current = previous;
      this.#accessed = previousAccessed;
    }
  }
}
