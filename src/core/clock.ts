/**
 * The browser's clock: the one time source of everything timed in an emulated browser (alarms,
 * the timers of workers and isolated worlds). Real time by default; a manual clock moves only when
 * the test says, with the names of Sinon's and Vitest's fake timers (`tick`, `next`, `runAll`).
 */

/** A timer set on a clock: what clearTimer takes. */
export interface TimerHandle {
  readonly id: number;
}

export interface TimerOptions {
  /** Whether a pending timer keeps the Node process alive (real clock only); default true. */
  readonly keepAlive?: boolean;
}

export interface Clock {
  /** Milliseconds since the Unix epoch, as Date.now() gives them. */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now. */
  setTimer(ms: number, fn: () => void, options?: TimerOptions): TimerHandle;
  clearTimer(handle: TimerHandle | undefined): void;
  /** Manual clock: moves time forward by `ms`, running every timer that falls due, in order. Returns now(). */
  tick(ms: number): number;
  /** Manual clock: moves to the next timer and runs it (and no other). Returns now(). */
  next(): number;
  /** Manual clock: runs timers until none is left (timers they set included). Returns now(). */
  runAll(): number;
}

export type ClockOption = 'real' | 'manual' | Clock;

/** Node's setTimeout takes at most 2^31-1 ms; a later timer is re-armed until it is due. */
const MAX_NODE_DELAY = 0x7fffffff;

/** Real time: Date.now() and Node's timers. tick/next/runAll throw: real time moves by itself. */
export class RealClock implements Clock {
  #nextId = 1;
  readonly #pending = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimer(ms: number, fn: () => void, options: TimerOptions = {}): TimerHandle {
    const handle = { id: this.#nextId++ };
    const due = Date.now() + Math.max(0, ms);
    const arm = (): void => {
      const left = Math.max(0, due - Date.now());
      const timeout = setTimeout(() => {
        if (left > MAX_NODE_DELAY) return arm();
        this.#pending.delete(handle.id);
        fn();
      }, Math.min(left, MAX_NODE_DELAY));
      if (options.keepAlive === false) timeout.unref();
      this.#pending.set(handle.id, timeout);
    };
    arm();
    return handle;
  }

  clearTimer(handle: TimerHandle | undefined): void {
    if (!handle) return;
    clearTimeout(this.#pending.get(handle.id));
    this.#pending.delete(handle.id);
  }

  tick(): number {
    throw new Error(manualOnly('tick'));
  }

  next(): number {
    throw new Error(manualOnly('next'));
  }

  runAll(): number {
    throw new Error(manualOnly('runAll'));
  }
}

const manualOnly = (method: string): string => `clock.${method}() needs a manual clock: createBrowser({ clock: 'manual' })`;

interface FastForwardTimer {
  readonly due: number;
  readonly fn: () => void;
  readonly options: TimerOptions;
  inner: TimerHandle;
}

/**
 * Real time that tick(ms) moves forward at once: the timers that fall due in the span run one
 * after another in time order, each at its own time, and now() stays that far ahead of Date.now()
 * from then on. Until a tick it is a RealClock. The conformance engine's clock, so that a scenario
 * can let a worker's 30 s idle timeout pass without waiting 30 s. next/runAll throw.
 */
export class FastForwardClock implements Clock {
  readonly #real = new RealClock();
  #offset = 0;
  #nextId = 1;
  /** In the order they were set (a re-armed timer keeps its place). */
  readonly #timers = new Map<number, FastForwardTimer>();

  now(): number {
    return Date.now() + this.#offset;
  }

  setTimer(ms: number, fn: () => void, options: TimerOptions = {}): TimerHandle {
    const handle = { id: this.#nextId++ };
    this.#arm(handle.id, this.now() + Math.max(0, ms), fn, options);
    return handle;
  }

  clearTimer(handle: TimerHandle | undefined): void {
    const timer = handle && this.#timers.get(handle.id);
    if (!timer) return;
    this.#real.clearTimer(timer.inner);
    this.#timers.delete(handle.id);
  }

  tick(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`clock.tick(${ms}): time only moves forward`);
    const target = this.now() + ms;
    for (;;) {
      let next: [number, FastForwardTimer] | undefined;
      for (const entry of this.#timers) if (entry[1].due <= target && (!next || entry[1].due < next[1].due)) next = entry;
      if (!next) break;
      const [id, timer] = next;
      this.clearTimer({ id });
      this.#offset = Math.max(this.#offset, timer.due - Date.now());
      timer.fn();
    }
    this.#offset = Math.max(this.#offset, target - Date.now());
    // What is left falls due that much sooner in real time.
    for (const [id, timer] of this.#timers) {
      this.#real.clearTimer(timer.inner);
      this.#arm(id, timer.due, timer.fn, timer.options);
    }
    return this.now();
  }

  next(): number {
    throw new Error(manualOnly('next'));
  }

  runAll(): number {
    throw new Error(manualOnly('runAll'));
  }

  #arm(id: number, due: number, fn: () => void, options: TimerOptions): void {
    const inner = this.#real.setTimer(due - this.now(), () => {
      this.#timers.delete(id);
      fn();
    }, options);
    const timer = this.#timers.get(id);
    if (timer) timer.inner = inner;
    else this.#timers.set(id, { due, fn, options, inner });
  }
}

interface ManualTimer {
  readonly handle: TimerHandle;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * A clock that moves only when told. Timers fall due in the order of their time, then of their
 * setting; while one runs, now() is its time. Starts at `now` (default: the real time at creation).
 */
export class ManualClock implements Clock {
  /** runAll gives up after this many timers, assuming a loop (a periodic alarm never ends). */
  static readonly LOOP_LIMIT = 1000;

  #now: number;
  #nextId = 1;
  #timers: ManualTimer[] = [];

  constructor(options: { readonly now?: number } = {}) {
    this.#now = options.now ?? Date.now();
  }

  now(): number {
    return this.#now;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const handle = { id: this.#nextId++ };
    const timer = { handle, due: this.#now + Math.max(0, ms), fn };
    // Sorted by due time; a timer due with others goes after them.
    const index = this.#timers.findIndex((other) => other.due > timer.due);
    if (index === -1) this.#timers.push(timer);
    else this.#timers.splice(index, 0, timer);
    return handle;
  }

  clearTimer(handle: TimerHandle | undefined): void {
    if (handle) this.#timers = this.#timers.filter((timer) => timer.handle.id !== handle.id);
  }

  tick(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`clock.tick(${ms}): time only moves forward`);
    const target = this.#now + ms;
    for (let first = this.#timers[0]; first !== undefined && first.due <= target; first = this.#timers[0]) this.#run(first);
    this.#now = target;
    return this.#now;
  }

  next(): number {
    const first = this.#timers[0];
    if (first) this.#run(first);
    return this.#now;
  }

  runAll(): number {
    for (let ran = 0; this.#timers.length > 0; ran++) {
      if (ran >= ManualClock.LOOP_LIMIT) {
        throw new Error(`clock.runAll(): aborting after running ${ManualClock.LOOP_LIMIT} timers, assuming an infinite loop`);
      }
      this.#run(this.#timers[0]!);
    }
    return this.#now;
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.#timers.length;
  }

  #run(timer: ManualTimer): void {
    this.#timers.shift();
    this.#now = Math.max(this.#now, timer.due);
    timer.fn();
  }
}

/** The clock a browser option names. */
export function createClock(option: ClockOption | undefined): Clock {
  if (option === undefined || option === 'real') return new RealClock();
  if (option === 'manual') return new ManualClock();
  return option;
}
