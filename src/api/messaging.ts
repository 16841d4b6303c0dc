import type { ConnectDispatch, MessagingEndpoint, MessagingEventName, PortId, ScriptContext } from '../core/context.ts';
import type { MessageService } from '../core/message-service.ts';
import type { MessageSender } from '../core/sender.ts';
import { NESTING_BUDGET, serializeMessage, type JsonValue, type SerializedMessage } from '../core/serialization.ts';
import type { BehaviourFeatures } from '../core/version.ts';
import { hasUserGesture } from '../platform/user-gesture.ts';
import { ChromeEvent } from './event.ts';
import { LastError } from './last-error.ts';
import { OneTimeMessageHandler, portKey } from './one-time.ts';
import { Port, createPortMethods, type PortMethods } from './port.ts';
import { HOST_REALM, realmOf, type Realm } from './realm.ts';

/**
 * A message as a listener receives it: any JSON value. Typed `any`, as @types/chrome types it,
 * so that a listener may declare the shape it expects.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Message = any;

export type MessageListener = (message: Message, sender: MessageSender, sendResponse: (response?: unknown) => void) => unknown;
export type ConnectListener = (port: Port) => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of any shape
type AnyListener = (...args: any[]) => unknown;

/**
 * Messaging in one context (Chromium's NativeRendererMessagingService for one ScriptContext):
 * the context's messaging events, its ports, its one-time requests, and its lastError.
 * It is the context's MessagingEndpoint towards the message service.
 */
export class ContextMessaging implements MessagingEndpoint {
  readonly realm: Realm;
  readonly lastError: LastError;
  readonly onMessage: ChromeEvent<MessageListener>;
  readonly onMessageExternal: ChromeEvent<MessageListener>;
  readonly onConnect: ChromeEvent<ConnectListener>;
  readonly onConnectExternal: ChromeEvent<ConnectListener>;
  /** The context's other events (runtime.onInstalled, storage.onChanged...), by their full name. */
  readonly #events = new Map<string, ChromeEvent<AnyListener>>();
  readonly #ports = new Map<number, Port>();
  #portMethods: PortMethods | undefined;
  readonly #oneTime = new OneTimeMessageHandler(this);

  constructor(readonly context: ScriptContext) {
    this.realm = realmOf(context);
    this.lastError = new LastError(context, this.realm);
    this.onMessage = new ChromeEvent(context);
    this.onMessageExternal = new ChromeEvent(context);
    this.onConnect = new ChromeEvent(context);
    this.onConnectExternal = new ChromeEvent(context);
  }

  /** The context's event `eventName` ("runtime.onInstalled"), made on first use: one object per context. */
  event<Listener extends AnyListener = AnyListener>(eventName: string): ChromeEvent<Listener> {
    let event = this.#events.get(eventName);
    if (!event) {
      // A worker's listeners are the extension's lazy listeners: what wakes the worker once stopped.
      const lifetime = this.context.type === 'service_worker' ? this.context.extension?.serviceWorkerLifetime : undefined;
      event = new ChromeEvent(this.context, lifetime && ((listening) => lifetime.lazyListenerChanged(eventName, listening)));
      this.#events.set(eventName, event);
    }
    return event as ChromeEvent<Listener>;
  }

  /** disconnect and postMessage, shared by this context's ports. */
  get portMethods(): PortMethods {
    return (this.#portMethods ??= createPortMethods(this));
  }

  get service(): MessageService {
    return this.context.browser.messageService;
  }

  get features(): BehaviourFeatures {
    return this.context.browser.features;
  }

  /** The event a one-time channel of this kind fires (onMessage or onMessageExternal). */
  messageEvent(name: MessagingEventName): ChromeEvent<MessageListener> {
    return name === 'runtime.onMessageExternal' ? this.onMessageExternal : this.onMessage;
  }

  /** The event a long-lived channel of this kind fires (onConnect or onConnectExternal). */
  connectEvent(name: MessagingEventName): ChromeEvent<ConnectListener> {
    return name === 'runtime.onConnectExternal' ? this.onConnectExternal : this.onConnect;
  }

  /**
   * Serializes in this context's realm, as the sending renderer does: a snapshot of the JSON value,
   * or with `asText` (for a native host) the text of this realm's JSON.stringify.
   */
  serialize(value: unknown, asText = false): SerializedMessage {
    const realm = this.realm;
    const message = serializeMessage(value, {
      legacySizeError: !this.features.sizeErrorNamesLimit,
      asText,
      snapshotter: realm.jsonCloner,
      nestingBudget: this.context.type === 'service_worker' ? NESTING_BUDGET.serviceWorker : NESTING_BUDGET.mainThread,
      // Chrome's V8 serializes with its own JSON, whatever the page did to the global one.
      // (JSON.stringify does not use its `this`.)
      stringify: realm.jsonCloner?.stringify ?? (realm.JSON.stringify as (value: unknown) => string | undefined),
    });
    return hasUserGesture(this.context) ? { ...message, userGesture: true } : message;
  }

  /**
   * The message as this context receives it: its own copy, of its realm's objects, as its
   * JSON.parse would make it. Only text (from a native host) can fail to parse.
   */
  receive(message: SerializedMessage): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: message.kind === 'data' ? this.toRealm(message.data) : this.realm.JSON.parse(message.text) };
    } catch {
      // Text that is not JSON; or, in a realm without a cloner, data nested deeper than its JSON can write.
      return { ok: false };
    }
  }

  /** Browser-made plain data made for this context alone: a host-realm context takes it as it is. */
  adopt<T>(data: T): T {
    return this.realm.jsonCloner === HOST_REALM.jsonCloner ? data : this.toRealm(data);
  }

  /** Browser-made plain data (a MessageSender, an enum, a snapshot) anew, of this context's realm. */
  toRealm<T>(data: T): T {
    const cloner = this.realm.jsonCloner;
    if (cloner) return cloner.copy(data as JsonValue) as T;
    return this.realm.JSON.parse(JSON.stringify(data)) as T;
  }

  // ----- what the API surfaces call -----

  /** Waits for the answer to the one-time request the channel was opened with. */
  sendOneTime(portId: PortId, callback?: (...args: unknown[]) => void): Promise<unknown> | undefined {
    return this.#oneTime.send(portId, callback);
  }

  /** The opener's Port for a channel runtime.connect or tabs.connect just opened. */
  openerPort(portId: PortId, name: string, toNativeHost = false): Port {
    const port = new Port(this, portId, name, undefined, toNativeHost);
    this.#ports.set(portKey(portId), port);
    return port;
  }

  forgetPort(portId: PortId): void {
    this.#ports.delete(portKey(portId));
  }

  // ----- MessagingEndpoint -----

  dispatchOnConnect(portId: PortId, dispatch: ConnectDispatch): boolean {
    if (!this.context.valid) return false;
    if (dispatch.channelType === 'sendMessage') return this.#oneTime.addReceiver(portId, dispatch);
    const event = this.connectEvent(dispatch.eventName);
    if (event.listenerCount === 0) return false;
    const port = new Port(this, portId, dispatch.channelName, this.adopt(dispatch.createSender()));
    this.#ports.set(portKey(portId), port);
    event.dispatch([port]);
    return true;
  }

  deliverMessage(portId: PortId, message: SerializedMessage): void {
    if (!this.context.valid || this.#oneTime.deliverMessage(portId, message)) return;
    const port = this.#ports.get(portKey(portId));
    if (port) Port.deliver(port, message);
  }

  dispatchOnDisconnect(portId: PortId, error: string): void {
    if (!this.context.valid || this.#oneTime.disconnect(portId, error)) return;
    const port = this.#ports.get(portKey(portId));
    if (!port) return;
    this.#ports.delete(portKey(portId));
    Port.disconnected(port, error);
  }

  dispatchEvent(eventName: string, args: readonly unknown[]): boolean {
    const event = this.#events.get(eventName);
    if (!this.context.valid || !event || event.listenerCount === 0) return false;
    event.dispatch(args.map((arg) => (arg === undefined ? undefined : this.toRealm(arg))));
    return true;
  }

  hasListener(eventName: string): boolean {
    return (this.#events.get(eventName)?.listenerCount ?? 0) > 0;
  }

  invalidate(): void {
    for (const event of this.#events.values()) event.invalidate();
    for (const port of this.#ports.values()) Port.invalidate(port);
    this.#ports.clear();
    this.#oneTime.invalidate();
    for (const event of [this.onMessage, this.onMessageExternal, this.onConnect, this.onConnectExternal]) event.invalidate();
  }
}
