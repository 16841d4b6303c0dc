/**
 * What the fuzz suite counts besides wrong outcomes: host crashes (an exception or a rejection that
 * nothing in Switchboard caught, which would end a user's Node process) and hangs (a case that did
 * not settle in time).
 */

/** Every case's counts, for the fuzz script's report. */
export interface FuzzTally {
  /** Cases run, by unit ("messages", "manifests", ...). */
  readonly cases: Map<string, number>;
  crashes: number;
  hangs: number;
}

export const tally: FuzzTally = { cases: new Map(), crashes: 0, hangs: 0 };

export function countCase(unit: string): void {
  tally.cases.set(unit, (tally.cases.get(unit) ?? 0) + 1);
}

export class HangError extends Error {
  override readonly name = 'HangError';
}

export class HostCrashError extends Error {
  override readonly name = 'HostCrashError';
}

/** `promise`, or a HangError (counted) if it has not settled after `ms` of real time. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      tally.hangs++;
      reject(new HangError(`hang: ${what} did not settle within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Watches the Node process for uncaught exceptions and unhandled rejections while `run` runs.
 * Each is counted as a crash; `check()` throws HostCrashError if any happened since the last check,
 * so that the case that caused it fails (and fast-check shrinks it).
 */
export async function watchingHost<T>(run: (check: () => void) => Promise<T>): Promise<T> {
  const seen: unknown[] = [];
  const onCrash = (error: unknown): void => {
    tally.crashes++;
    seen.push(error);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const check = (): void => {
    if (seen.length === 0) return;
    const [first] = seen.splice(0);
    throw new HostCrashError(`host crash: ${first instanceof Error ? (first.stack ?? first.message) : String(first)}`);
  };
  try {
    const result = await run(check);
    // A rejection is reported unhandled only after the microtasks of its turn: give it one turn.
    await new Promise((resolve) => setImmediate(resolve));
    check();
    return result;
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}
