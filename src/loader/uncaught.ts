import type { ScriptContext } from '../core/context.ts';
import { describeThrown } from '../api/thrown.ts';

/** How DevTools reports an exception nobody caught in `context`: "Uncaught Error: boom". */
export function reportUncaught(context: ScriptContext, error: unknown): void {
  context.log('error', `Uncaught ${describeThrown(error)}`);
}

/** A realm's Promise.prototype → the context whose unhandled rejections it reports. */
const realmsByPromisePrototype = new WeakMap<object, ScriptContext>();
let installed = false;

/**
 * Makes unhandled rejections of promises made in `context`'s realm what Chrome makes them: an
 * "Uncaught (in promise) …" line on that context's console, instead of the host process's
 * 'unhandledRejection' (which node:test counts as a failure and plain node turns into a crash).
 *
 * Node emits the event with process.emit; the loader filters that one event, once per process,
 * and leaves every other rejection (the host's own) to Node's usual handling.
 */
export function reportUnhandledRejections(context: ScriptContext, promisePrototype: object): void {
  realmsByPromisePrototype.set(promisePrototype, context);
  if (installed) return;
  installed = true;
  const emit = process.emit;
  process.emit = function (this: NodeJS.Process, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'unhandledRejection') {
      const [reason, promise] = args;
      const owner = typeof promise === 'object' && promise !== null ? realmsByPromisePrototype.get(Object.getPrototypeOf(promise) as object) : undefined;
      if (owner) {
        owner.log('error', `Uncaught (in promise) ${describeThrown(reason)}`);
        return true;
      }
    }
    return (emit as (this: NodeJS.Process, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof process.emit;
}
