/**
 * The browser's task queue: everything that crosses between contexts runs as one task of it, in
 * the order it was posted, never synchronously.
 *
 * Between two tasks every microtask runs, as at the end of each task in Chrome: what a listener's
 * promise does settles before the next message is delivered. Node has no call that runs them, but
 * it has an order: a microtask that schedules a process.nextTick callback gets it called only after
 * the microtask queue is empty. So each task is followed by a microtask that schedules the next task
 * as a tick. The tasks a task posts (a reply, a disconnect) run in the same turn of the event loop
 * rather than in the next, which takes a round trip from two turns to one. Every BATCH tasks the
 * queue yields to the event loop (setImmediate), so that timers and I/O are never starved.
 */

/**
 * Promise.resolve().then(callback), with the intrinsics taken now: code that patches
 * Promise.prototype.then later cannot reach it. (Node's queueMicrotask would do, at twice the cost.)
 */
const afterCurrentMicrotasks = Promise.prototype.then.bind(Promise.resolve()) as (callback: () => void) => Promise<void>;

export class TaskQueue {
  static readonly BATCH = 1000;

  readonly #tasks: (() => void)[] = [];
  #head = 0;
  /** A task is running or scheduled. */
  #running = false;
  #ranInBatch = 0;

  /** Tasks posted and not yet run. */
  get size(): number {
    return this.#tasks.length - this.#head;
  }

  post(task: () => void): void {
    this.#tasks.push(task);
    if (this.#running) return;
    this.#running = true;
    setImmediate(this.#startBatch);
  }

  readonly #startBatch = (): void => {
    this.#ranInBatch = 0;
    this.#runNext();
  };

  readonly #runNext = (): void => {
    const task = this.#tasks[this.#head]!;
    this.#tasks[this.#head++] = undefined as never;
    try {
      task();
    } finally {
      this.#scheduleNext();
    }
  };

  #scheduleNext(): void {
    if (this.#head === this.#tasks.length) {
      this.#tasks.length = 0;
      this.#head = 0;
      this.#running = false;
    } else if (++this.#ranInBatch >= TaskQueue.BATCH) {
      // Compact what ran, then let timers and I/O in.
      this.#tasks.splice(0, this.#head);
      this.#head = 0;
      setImmediate(this.#startBatch);
    } else {
      afterCurrentMicrotasks(this.#afterMicrotasks);
    }
  }

  /** Runs once this task's microtasks (and theirs) are done: the tick comes after all of them. */
  readonly #afterMicrotasks = (): void => {
    process.nextTick(this.#runNext);
  };
}
