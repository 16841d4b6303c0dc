import type { ScriptContext } from '../core/context.ts';
import { reportUncaught } from './uncaught.ts';

type Listener = ((event: unknown) => void) | { handleEvent(event: unknown): void };

/**
 * The EventTarget methods of a worker's global scope. Extensions register `install`, `activate`
 * and `fetch` listeners at top level; Switchboard dispatches none of those itself, but a test may
 * dispatch one with `self.dispatchEvent({ type: 'install' })`. A throwing listener is reported.
 */
export function createEventTarget(context: ScriptContext) {
  const listeners = new Map<string, Listener[]>();
  return {
    addEventListener(type: string, listener: Listener | null): void {
      if (!listener) return;
      const list = listeners.get(type) ?? [];
      if (!list.includes(listener)) list.push(listener);
      listeners.set(type, list);
    },
    removeEventListener(type: string, listener: Listener | null): void {
      const list = listeners.get(type) ?? [];
      const index = listener ? list.indexOf(listener) : -1;
      if (index >= 0) list.splice(index, 1);
    },
    dispatchEvent(event: { type: string }): boolean {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        try {
          if (typeof listener === 'function') listener(event);
          else listener.handleEvent(event);
        } catch (error) {
          reportUncaught(context, error);
        }
      }
      return true;
    },
  };
}
