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

/**
 * Timers for `context`. A throwing callback is reported as an uncaught exception of the context;
 * when the context is disposed, its pending timers are cancelled (so a forgotten setInterval does not
 * keep the host process alive).
 */
export function createTimers(context: ScriptContext): RealmTimers {
  const pending = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  context.onDisposed(() => {
    for (const handle of pending.values()) clearTimeout(handle);
    pending.clear();
  });

  function schedule(repeat: boolean, callback: TimerCallback, delay: unknown, args: unknown[]): number {
    const id = nextId++;
    if (context.disposed || typeof callback !== 'function') return id;
    const ms = Math.max(0, Number(delay) || 0);
    const fire = () => {
      if (!repeat) pending.delete(id);
      if (context.disposed) return;
      try {
        callback(...args);
      } catch (error) {
        reportUncaught(context, error);
      }
    };
    pending.set(id, repeat ? setInterval(fire, ms) : setTimeout(fire, ms));
    return id;
  }

  function cancel(id?: number): void {
    const handle = id === undefined ? undefined : pending.get(id);
    if (handle === undefined) return;
    clearTimeout(handle);
    pending.delete(id!);
  }

  return {
    setTimeout: (callback, delay, ...args) => schedule(false, callback, delay, args),
    clearTimeout: cancel,
    setInterval: (callback, delay, ...args) => schedule(true, callback, delay, args),
    clearInterval: cancel,
  };
}
