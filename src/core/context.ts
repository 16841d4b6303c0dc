import { randomUUID } from 'node:crypto';
import type { Browser } from './browser.ts';
import type { Document } from './document.ts';
import type { Extension } from './extension.ts';
import type { MessageSender } from './sender.ts';
import type { SerializedMessage } from './serialization.ts';

/** The kinds of JavaScript context that take part in messaging. */
export type ContextType = 'service_worker' | 'extension_page' | 'content_script' | 'web_page';

/** One end of a channel, as the message service names it to a context. */
export interface PortId {
  readonly channelId: number;
  readonly isOpener: boolean;
}

export type ChannelType = 'sendMessage' | 'connect';

export type MessagingEventName =
  | 'runtime.onMessage'
  | 'runtime.onMessageExternal'
  | 'runtime.onConnect'
  | 'runtime.onConnectExternal';

/** What a receiving context is told when a channel opens towards it. */
export interface ConnectDispatch {
  readonly channelType: ChannelType;
  readonly eventName: MessagingEventName;
  readonly channelName: string;
  /** A MessageSender for this receiver alone: a new plain object of the host realm on each call. */
  createSender(): MessageSender;
}

/**
 * The renderer side of messaging in one context, as the message service sees it
 * (Chromium's NativeRendererMessagingService). The API layer implements it.
 */
export interface MessagingEndpoint {
  /** Returns true when the context had a listener and opened its port. */
  dispatchOnConnect(portId: PortId, dispatch: ConnectDispatch): boolean;
  deliverMessage(portId: PortId, message: SerializedMessage): void;
  /** `error` is '' when the channel closed without one. */
  dispatchOnDisconnect(portId: PortId, error: string): void;
  /**
   * Raises one of the other events (EventRouter): `args` are the browser's plain data, copied
   * into the context's realm. Returns whether a listener heard it.
   */
  dispatchEvent(eventName: string, args: readonly unknown[]): boolean;
  /** The context is gone: its API objects must throw CONTEXT_INVALIDATED from now on. */
  invalidate(): void;
  /** Whether a listener for `eventName` is registered in the context now. */
  hasListener?(eventName: string): boolean;
}

/** What the API layer gives a context when the browser creates it. */
export interface ContextBindings {
  readonly endpoint: MessagingEndpoint;
  /** The context's `chrome` object; undefined where Chrome binds none. */
  readonly chrome: object | undefined;
  /**
   * The `browser` namespace (M144+): its own object holding the same API namespaces as `chrome`
   * (browser.runtime === chrome.runtime, browser !== chrome); undefined where Chrome has none.
   */
  readonly browser: object | undefined;
}

export type BindingsFactory = (context: ScriptContext) => ContextBindings;

/** Runs a context's code: a function standing in for the files Chrome would load. */
export type ContextScript = (scope: ContextScope) => void | Promise<void>;

export interface ContextScope {
  readonly chrome: object | undefined;
  readonly browser: object | undefined;
  readonly context: ScriptContext;
}

export interface ConsoleMessage {
  readonly level: 'log' | 'warn' | 'error';
  readonly text: string;
  /** The values the context passed to `console.*`, as they are in its realm (absent for the browser's own messages). */
  readonly args?: readonly unknown[];
}

let nextContextId = 1;

/**
 * A JavaScript context: a service worker, an extension page's main world, a content script's
 * isolated world, or a web page's main world. Each has its own API objects.
 */
export class ScriptContext {
  readonly id = nextContextId++;
  readonly console: ConsoleMessage[] = [];
  #valid = true;
  #contextId: string | undefined;
  #bindings: ContextBindings | undefined;
  #disposed = false;
  readonly #onDisposed: (() => void)[] = [];

  constructor(
    readonly browser: Browser,
    readonly type: ContextType,
    /** The extension whose code runs here; undefined for web pages. */
    readonly extension: Extension | undefined,
    /** The document hosting a frame context; undefined for service workers. */
    readonly document: Document | undefined,
    /** A service worker's script URL; frame contexts take their document's URL. */
    private readonly scriptUrl?: string,
  ) {
    browser.contextCreated(this);
  }

  /** The context URL: the document's URL, or a service worker's script URL. */
  get url(): string {
    return this.document?.url ?? this.scriptUrl ?? '';
  }

  get valid(): boolean {
    return this.#valid;
  }

  get endpoint(): MessagingEndpoint {
    return this.bindings.endpoint;
  }

  /** The context's `chrome` object. */
  get chrome(): object | undefined {
    return this.bindings.chrome;
  }

  /** The context's `browser` object, where Chrome has one. */
  get browserNamespace(): object | undefined {
    return this.bindings.browser;
  }

  private get bindings(): ContextBindings {
    this.#bindings ??= this.browser.bindingsFactory(this);
    return this.#bindings;
  }

  get frame() {
    return this.document?.frame;
  }

  get tab() {
    return this.document?.frame.tab;
  }

  /** Where the context's console output goes: kept here, and forwarded to the browser's listener. */
  log(level: ConsoleMessage['level'], text: string, args?: readonly unknown[]): void {
    const message: ConsoleMessage = args === undefined ? { level, text } : { level, text, args };
    this.console.push(message);
    this.browser.reportConsole(this, message);
  }

  /**
   * Runs code in this context with its own `chrome` (and `browser`, where Chrome has it). Resolves
   * when the script has run (an ES module graph evaluates asynchronously); never rejects.
   */
  run(script: ContextScript): Promise<void> {
    const result = script({ chrome: this.chrome, browser: this.browserNamespace, context: this });
    if (result && typeof result.then === 'function') {
      return result.then(undefined, (error: unknown) => this.log('error', `Uncaught (in promise) ${String(error)}`));
    }
    return Promise.resolve();
  }

  /** chrome.runtime.getContexts' contextId: a UUID for as long as the context lives. */
  get contextId(): string {
    this.#contextId ??= randomUUID();
    return this.#contextId;
  }

  /**
   * The extension context is invalidated: its API objects throw CONTEXT_INVALIDATED from now on.
   * Its code may still run (an orphaned content script lives on in its page until it unloads).
   */
  invalidate(): void {
    if (!this.#valid) return;
    this.#valid = false;
    this.#bindings?.endpoint.invalidate();
  }

  /** Whether the JavaScript context itself is gone (its page unloaded, its worker stopped). */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** The JavaScript context is gone: invalidated, and nothing of it runs any more. */
  dispose(): void {
    if (this.#disposed) return;
    this.invalidate();
    this.#disposed = true;
    for (const callback of this.#onDisposed.splice(0)) callback();
  }

  /** Calls `callback` once when the context is disposed (at once if it is already): to stop its timers. */
  onDisposed(callback: () => void): void {
    if (this.#disposed) callback();
    else this.#onDisposed.push(callback);
  }

  toString(): string {
    return `${this.type} ${this.url}`;
  }
}
