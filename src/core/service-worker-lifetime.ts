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
 * How long one request may keep the worker from its idle stop (ServiceWorkerVersion::kRequestTimeout,
 * content/browser/service_worker/service_worker_version.cc): the extension system's keepalives are
 * the worker's "external requests" (StartExternalRequest with ServiceWorkerExternalRequestTimeoutType::
 * kDefault), taken for an open one-time message channel (ExtensionMessagePort::IncrementLazyKeepaliveCount),
 * an unacked event (EventAckData) and a pending API call (ExtensionFunctionDispatcher). An expired
 * request is dropped (CONTINUE_ON_TIMEOUT): the worker is not stopped then, but no longer kept
 * alive, so it stops SERVICE_WORKER_IDLE_TIMEOUT_MS later if nothing else keeps it (observed in
 * Chromium 156: docs/chromium-observations.md, Q19). Switchboard takes them for one-time channels
 * (message-service.ts) and API calls until they are answered (api-function.ts); its events are
 * acked as they are dispatched.
 */
export const SERVICE_WORKER_REQUEST_TIMEOUT_MS = 5 * 60_000;

/**
 * How often the browser looks for expired requests (ServiceWorkerVersion::kTimeoutTimerDelay, its
 * OnTimeoutTimer), counted from the worker's start: a request is dropped at the first tick at or
 * after its expiry.
 */
export const SERVICE_WORKER_TIMEOUT_TIMER_MS = 30_000;

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
  /** When the current run started: where its timeout timer's ticks count from. */
  #startedAt = 0;
  /** The run's requests in flight (the browser's external requests), each with its expiry time. */
  readonly #requests = new Map<number, number>();
  #nextRequest = 1;
  #timeoutTimer: TimerHandle | undefined;
  #starts = 0;
  /**
   * Chrome's lazy listeners, which wake the stopped worker: each event a run of the worker added a
   * listener to, until a removeListener took that run's last listener for it. A stop keeps them.
   */
  readonly #lazyListeners = new Set<string>();
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
    this.#startedAt = this.extension.browser.clock.now();
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

  /**
   * A run of the worker added its first listener to `eventName` (listening) or removed its last one
   * with removeListener. Chrome's bindings send the browser AddLazyListener / RemoveLazyListener
   * for a worker's manual changes (NativeExtensionBindingsSystem::OnEventListenerChanged), and its
   * EventRouter keeps them, in the extension's prefs, across the worker's stops and restarts
   * (AddLazyEventListenerImpl / RemoveLazyEventListenerImpl, extensions/browser/event_router.cc):
   * a listener only an earlier run added still wakes the worker, which then has none to hear it.
   */
  lazyListenerChanged(eventName: string, listening: boolean): void {
    if (listening) this.#lazyListeners.add(eventName);
    else this.#lazyListeners.delete(eventName);
  }

  /**
   * The extension is installed again (a reload, an update) or uninstalled: its lazy listeners go
   * (ExtensionPrefs' FinishExtensionInfoPrefs clears "serviceworkerevents" from a previous install).
   */
  forgetLazyListeners(): void {
    this.#lazyListeners.clear();
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
      if (idle < SERVICE_WORKER_IDLE_TIMEOUT_MS) {
        this.#armIdleTimer(SERVICE_WORKER_IDLE_TIMEOUT_MS - idle);
      } else if (this.#requests.size > 0) {
        // ServiceWorkerVersion::OnRequestTermination refuses while a request is in flight (HasNoWork);
        // the renderer's event queue then idles a full period again.
        this.#lastActivity = clock.now();
        this.#armIdleTimer(SERVICE_WORKER_IDLE_TIMEOUT_MS);
      } else {
        this.stop();
      }
    }, { keepAlive: false });
  }

  /**
   * A request of the running (or starting) worker begins: an open one-time message channel of its
   * extension, say. Until the returned function ends it, or SERVICE_WORKER_REQUEST_TIMEOUT_MS has
   * passed (found at a tick of the timeout timer), the worker does not idle-stop. Starting and
   * ending one start the idle timer again (AddKeepAlive / ClearKeepAlive reset the renderer's idle
   * timeout). A request of a run that has stopped since ends as a no-op.
   */
  startRequest(): () => void {
    const context = this.#context;
    if (!context || this.#state === 'stopped') return () => undefined;
    const clock = this.extension.browser.clock;
    const id = this.#nextRequest++;
    this.#requests.set(id, clock.now() + SERVICE_WORKER_REQUEST_TIMEOUT_MS);
    this.activity();
    this.#armTimeoutTimer();
    return () => {
      // The timeout timer stays: a message costs no timer made and cancelled. It finds nothing, or
      // the worker stops first (stop() clears it).
      if (this.#context === context && this.#requests.delete(id) && this.#requests.size === 0) this.activity();
    };
  }

  /** How many requests keep the worker from its idle stop now. */
  get requestsInFlight(): number {
    return this.#requests.size;
  }

  /** The timeout timer's next tick that finds the earliest request expired (OnTimeoutTimer). */
  #armTimeoutTimer(): void {
    if (this.#timeoutTimer !== undefined || this.#requests.size === 0) return;
    const clock = this.extension.browser.clock;
    // Requests expire in the order they started (each SERVICE_WORKER_REQUEST_TIMEOUT_MS after it).
    const expiry = this.#requests.values().next().value!;
    const tick = this.#startedAt + Math.ceil((expiry - this.#startedAt) / SERVICE_WORKER_TIMEOUT_TIMER_MS) * SERVICE_WORKER_TIMEOUT_TIMER_MS;
    this.#timeoutTimer = clock.setTimer(Math.max(0, tick - clock.now()), () => {
      this.#timeoutTimer = undefined;
      if (this.#state === 'stopped') return;
      const now = clock.now();
      let expired = false;
      for (const [id, expiresAt] of this.#requests) {
        if (expiresAt > now) continue;
        this.#requests.delete(id);
        expired = true;
      }
      // With no request left the renderer may idle again (ClearKeepAlive): 30 s from now.
      if (expired && this.#requests.size === 0) this.activity();
      this.#armTimeoutTimer();
    }, { keepAlive: false });
  }

  /** Stops the worker now: its context dies, its ports disconnect, its pending responses fail. */
  stop(): void {
    const context = this.#context;
    const clock = this.extension.browser.clock;
    clock.clearTimer(this.#idleTimer);
    this.#idleTimer = undefined;
    clock.clearTimer(this.#timeoutTimer);
    this.#timeoutTimer = undefined;
    this.#requests.clear();
    if (!context) return;
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
