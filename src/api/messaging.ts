import type { ConnectDispatch, MessagingEndpoint, MessagingEventName, PortId, ScriptContext } from '../core/context.ts';
import type { MessageService } from '../core/message-service.ts';
import type { MessageSender } from '../core/sender.ts';
import { serializeMessage, type SerializedMessage } from '../core/serialization.ts';
import type { BehaviourFeatures } from '../core/version.ts';
import { ChromeEvent } from './event.ts';
import { LastError } from './last-error.ts';
import { OneTimeMessageHandler, portKey } from './one-time.ts';
import { Port } from './port.ts';
import { realmOf, type Realm } from './realm.ts';

/**
 * A message as a listener receives it: any JSON value. Typed `any`, as @types/chrome types it,
 * so that a listener may declare the shape it expects.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Message = any;

export type MessageListener = (message: Message, sender: MessageSender, sendResponse: (response?: unknown) => void) => unknown;
export type ConnectListener = (port: Port) => void;

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
  readonly #ports = new Map<number, Port>();
  readonly #oneTime = new OneTimeMessageHandler(this);

  constructor(readonly context: ScriptContext) {
    this.realm = realmOf(context);
    this.lastError = new LastError(context, this.realm);
    this.onMessage = new ChromeEvent(context);
    this.onMessageExternal = new ChromeEvent(context);
    this.onConnect = new ChromeEvent(context);
    this.onConnectExternal = new ChromeEvent(context);
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

  /** Serializes with this context's own JSON, as the sending renderer does. */
  serialize(value: unknown): SerializedMessage {
    const json = this.realm.JSON;
    return serializeMessage(value, {
      legacySizeError: !this.features.sizeErrorNamesLimit,
      stringify: (v) => json.stringify(v) as string | undefined,
    });
  }

  /** Every receiving context parses its own copy: no object is shared between contexts. */
  parse(json: SerializedMessage): unknown {
    return this.realm.JSON.parse(json);
  }

  /** parse for text that may not be JSON: what a native host sent. */
  tryParse(json: string): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: this.parse(json) };
    } catch {
      return { ok: false };
    }
  }

  /** A browser-made value (a MessageSender, an enum) as an object of this context's realm. */
  toRealm<T>(value: T): T {
    // In the host realm a plain copy gives what the JSON round trip gives, without the text between.
    if (this.realm.JSON === JSON) return copyJsonData(value) as T;
    return this.realm.JSON.parse(JSON.stringify(value)) as T;
  }

  // ----- what the API surfaces call -----

  sendOneTime(portId: PortId, json: SerializedMessage, callback?: (...args: unknown[]) => void): Promise<unknown> | undefined {
    return this.#oneTime.send(portId, json, callback);
  }

  /** The opener's Port for a channel runtime.connect or tabs.connect just opened. */
  openerPort(portId: PortId, name: string): Port {
    const port = new Port(this, portId, name);
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
    const port = new Port(this, portId, dispatch.channelName, this.toRealm(dispatch.sender));
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

  invalidate(): void {
    for (const port of this.#ports.values()) Port.invalidate(port);
    this.#ports.clear();
    this.#oneTime.invalidate();
    for (const event of [this.onMessage, this.onMessageExternal, this.onConnect, this.onConnectExternal]) event.invalidate();
  }
}

/**
 * JSON.parse(JSON.stringify(value)) for browser-made plain data (objects, arrays, strings, finite
 * numbers, booleans, null): the same keys in the same order, undefined and functions dropped.
 */
function copyJsonData(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => copyJsonData(item) ?? null);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJsonData((value as Record<string, unknown>)[key]);
    if (item !== undefined) copy[key] = item;
  }
  return copy;
}
