import type { TimerHandle } from '../core/clock.ts';
import type { ScriptContext } from '../core/context.ts';
import { reportUncaught } from './uncaught.ts';

type TimerCallback = (...args: unknown[]) => void;

/** The timer functions of a worker or isolated world: numeric ids, errors reported, gone with the context. */
export interface RealmTimers {
  setTimeout(callback: TimerCallback, delay?: number, ...args: unknown[]): number;
  clearTimeout(id?: number): void;
  setInterval(callback: TimerCallback, delay?: number, ...args: unknown[]): number;
  clearInterval(id?: number): void;
}

/** The HTML timer's timeout: a WebIDL `long` (ToInt32), negative as 0. */
function timeoutOf(delay: unknown): number {
  return Math.max(0, Number(delay) | 0);
}

/**
 * Timers for `context`, on its browser's clock (so that a manual clock's tick fires them). A
 * throwing callback is reported as an uncaught exception of the context; when the context is
 * disposed, its pending timers are cancelled (so a forgotten setInterval does not keep the host
 * process alive).
 */
export function createTimers(context: ScriptContext): RealmTimers {
  const clock = context.browser.clock;
  const pending = new Map<number, TimerHandle>();
  let nextId = 1;
  context.onDisposed(() => {
    for (const handle of pending.values()) clock.clearTimer(handle);
    pending.clear();
  });

  function schedule(repeat: boolean, callback: TimerCallback, delay: unknown, args: unknown[]): number {
    const id = nextId++;
    if (context.disposed || typeof callback !== 'function') return id;
    // An interval of 0 would fall due again at once, forever, on a manual clock; Node makes it 1 ms too.
    const ms = repeat ? Math.max(1, timeoutOf(delay)) : timeoutOf(delay);
    const fire = (): void => {
      // An interval is set again before its callback runs, as the next one counts from now.
      if (repeat) pending.set(id, clock.setTimer(ms, fire));
      else pending.delete(id);
      if (context.disposed) return;
      try {
        callback(...args);
      } catch (error) {
        reportUncaught(context, error);
      }
    };
    pending.set(id, clock.setTimer(ms, fire));
    return id;
  }

  function cancel(id?: number): void {
    const handle = id === undefined ? undefined : pending.get(id);
    if (handle === undefined) return;
    clock.clearTimer(handle);
    pending.delete(id!);
  }

  return {
    setTimeout: (callback, delay, ...args) => schedule(false, callback, delay, args),
    clearTimeout: cancel,
    setInterval: (callback, delay, ...args) => schedule(true, callback, delay, args),
    clearInterval: cancel,
  };
}
