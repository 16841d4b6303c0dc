import type { TimerHandle } from './clock.ts';
import { ScriptContext } from './context.ts';
import type { Extension } from './extension.ts';

/** A service worker's running status, as chrome://serviceworker-internals shows it. */
export type ServiceWorkerState = 'stopped' | 'starting' | 'running';

/**
 * How long a worker may go without an event or an extension API call before Chrome stops it
 * (blink's kServiceWorkerDefaultIdleDelay, third_party/blink/common/service_worker/service_worker_type_converters.cc;
 * the renderer's ServiceWorkerEventQueue asks the browser to terminate the worker once it elapses).
 */
export const SERVICE_WORKER_IDLE_TIMEOUT_MS = 30_000;

/**
 * The longest one event or API call may keep the worker busy before Chrome stops it
 * (ServiceWorkerVersion::kRequestTimeout, content/browser/service_worker/service_worker_version.cc).
 */
export const SERVICE_WORKER_REQUEST_TIMEOUT_MS = 5 * 60_000;

/**
 * An extension's service worker over its lifetime: stopped, started by an event that targets it
 * (its top-level code runs again, in a new context with fresh globals), and stopped again after
 * SERVICE_WORKER_IDLE_TIMEOUT_MS on the browser's clock without an event or an API call, or by
 * stop(). A stop disposes the context: its ports and pending responses close as a context's do
 * when it dies (the message service's contextGone).
 */
export class ServiceWorkerLifetime {
  #context: ScriptContext | undefined;
  #state: ServiceWorkerState = 'stopped';
  #started: Promise<void> = Promise.resolve();
  #idleTimer: TimerHandle | undefined;
  /** When the worker last had an event or made an API call (the browser clock's time). */
  #lastActivity = 0;
  #starts = 0;
  /** The events the last run had listeners for when it stopped: Chrome's lazy listeners, which wake the worker. */
  #lazyListeners = new Set<string>();
  readonly #stopWaiters: (() => void)[] = [];
  /** What waits for the worker to be running, in the order it came (whenRunning). */
  #pending: (() => void)[] = [];

  constructor(private readonly extension: Extension) {}

  get context(): ScriptContext | undefined {
    return this.#context;
  }

  get state(): ServiceWorkerState {
    return this.#state;
  }

  /** Resolves once the current (or last) run's top-level code has run. */
  get started(): Promise<void> {
    return this.#started;
  }

  /** How many times the worker's top-level code has started. */
  get starts(): number {
    return this.#starts;
  }

  /** Whether the worker is starting, or has tasks waiting for it: what comes now must wait behind them. */
  get waking(): boolean {
    return this.#state === 'starting' || this.#pending.length > 0;
  }

  /** Starts the worker if it is stopped; resolves once its top-level code has run. */
  start(): Promise<void> {
    const path = this.extension.parsed.serviceWorker;
    if (path === undefined || this.#state !== 'stopped') return this.#started;
    const context = new ScriptContext(this.extension.browser, 'service_worker', this.extension, undefined, this.extension.getURL(path));
    this.#context = context;
    this.#state = 'starting';
    this.#starts++;
    const script = this.extension.scripts[path];
    const ran = script ? context.run(script) : Promise.resolve();
    this.#started = ran.then(() => {
      if (this.#context !== context) return;
      this.#state = 'running';
      this.activity();
    });
    return this.#started;
  }

  /**
   * Runs `task` with the worker running: now if it runs (or the extension has none), else once a
   * start has run its top-level code, in a task of its own (ServiceWorkerTaskQueue's pending tasks).
   */
  whenRunning(task: () => void): void {
    if (this.extension.parsed.serviceWorker === undefined || (this.#state === 'running' && this.#pending.length === 0)) {
      task();
      return;
    }
    this.#pending.push(task);
    if (this.#pending.length > 1) return;
    const browser = this.extension.browser;
    browser.holdIdle(
      this.start().then(() =>
        // In one task, in the order they came; what comes before that task runs queues behind them.
        browser.post(() => {
          while (this.#pending.length > 0) this.#pending.shift()!();
        }),
      ),
    );
  }

  /** Whether an event of this name, raised while the worker is stopped, starts it (a lazy listener of its). */
  wakesFor(eventName: string): boolean {
    return this.#lazyListeners.has(eventName);
  }

  /** An event reached the worker, or it called an extension API: the idle timer starts again. */
  activity(): void {
    if (this.#state !== 'running') return;
    this.#lastActivity = this.extension.browser.clock.now();
    // One timer at a time, which looks at the last activity when it fires: a message costs a clock
    // read, not a timer made and cancelled.
    if (this.#idleTimer === undefined) this.#armIdleTimer(SERVICE_WORKER_IDLE_TIMEOUT_MS);
  }

  #armIdleTimer(ms: number): void {
    const clock = this.extension.browser.clock;
    this.#idleTimer = clock.setTimer(ms, () => {
      this.#idleTimer = undefined;
      if (this.#state !== 'running') return;
      const idle = clock.now() - this.#lastActivity;
      if (idle >= SERVICE_WORKER_IDLE_TIMEOUT_MS) this.stop();
      else this.#armIdleTimer(SERVICE_WORKER_IDLE_TIMEOUT_MS - idle);
    }, { keepAlive: false });
  }

  /** Stops the worker now: its context dies, its ports disconnect, its pending responses fail. */
  stop(): void {
    const context = this.#context;
    this.extension.browser.clock.clearTimer(this.#idleTimer);
    this.#idleTimer = undefined;
    if (!context) return;
    this.#lazyListeners = new Set(context.valid ? (context.endpoint.listenedEvents?.() ?? []) : []);
    this.#context = undefined;
    this.#state = 'stopped';
    this.extension.browser.destroyContext(context);
    for (const resolve of this.#stopWaiters.splice(0)) resolve();
  }

  /** Resolves the next time the worker stops (at once if it is stopped). */
  stopped(): Promise<void> {
    if (this.#state === 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.#stopWaiters.push(resolve));
  }
}
