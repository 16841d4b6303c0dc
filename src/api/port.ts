import type { PortId } from '../core/context.ts';
import { CONTEXT_INVALIDATED, DISCONNECTED_PORT, ILLEGAL_INVOCATION_PORT, INSUFFICIENT_ARGUMENTS, MALFORMED_JSON_MESSAGE } from '../core/errors.ts';
import type { MessageSender } from '../core/sender.ts';
import { SerializationError, type SerializedMessage } from '../core/serialization.ts';
import { runWithUserGesture } from '../platform/user-gesture.ts';
import { ChromeEvent } from './event.ts';
import type { ContextMessaging, Message } from './messaging.ts';
import { bindingError } from './realm.ts';

type PortState = 'active' | 'disconnected' | 'invalidated';

type MessageEvent = ChromeEvent<(message: Message, port: Port) => void>;
type DisconnectEvent = ChromeEvent<(port: Port) => void>;

/** What the API layer keeps of each Port; the Port object itself only has Chrome's properties. */
interface PortInternals {
  state: PortState;
  readonly messaging: ContextMessaging;
  readonly portId: PortId;
  /** connectNative's port: its messages go to the host as this realm's JSON.stringify writes them. */
  readonly toNativeHost: boolean;
  readonly onMessage: MessageEvent;
  readonly onDisconnect: DisconnectEvent;
}

const internals = new WeakMap<Port, PortInternals>();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function internalsOf(port: Port): PortInternals {
  const found = internals.get(port);
  if (!found) throw new TypeError('Illegal invocation');
  return found;
}

/** What a Port's disconnect and postMessage are: one pair per context, shared by its ports. */
export interface PortMethods {
  disconnect(): void;
  postMessage(message: Message): void;
}

/**
 * One context's disconnect and postMessage: shared by all its ports, they act on the port they are
 * called on (observed in Chromium 156: a.postMessage.call(b, m) posts on b; detached, they throw).
 * Methods, so that like Chrome's they have no `prototype`.
 */
export function createPortMethods(messaging: ContextMessaging): PortMethods {
  const portOf = (receiver: unknown): PortInternals => {
    const port = typeof receiver === 'object' && receiver !== null ? internals.get(receiver as Port) : undefined;
    if (!port) throw bindingError(messaging.realm, 'TypeError', ILLEGAL_INVOCATION_PORT);
    return port;
  };
  return {
    disconnect(this: unknown): void {
      disconnectPort(portOf(this));
    },
    postMessage(this: unknown, ...args: unknown[]): void {
      postPortMessage(portOf(this), args);
    },
  };
}

function assertNotInvalidated(port: PortInternals): void {
  if (port.state === 'invalidated' || !port.messaging.context.valid) {
    throw bindingError(port.messaging.realm, 'Error', CONTEXT_INVALIDATED);
  }
}

/**
 * runtime.Port (extensions/renderer/api/messaging/gin_port.cc). One object per end per context.
 * Its shape is Chrome's (observed in Chromium 156): own enumerable data properties sender,
 * onMessage, onDisconnect, name, disconnect and postMessage, in that order, `sender` undefined on
 * the opener's end, disconnect and postMessage shared by the context's ports; nothing on the
 * prototype but the constructor.
 */
export class Port {
  declare readonly sender: MessageSender | undefined;
  declare readonly onMessage: MessageEvent;
  declare readonly onDisconnect: DisconnectEvent;
  declare readonly name: string;
  declare readonly disconnect: () => void;
  declare readonly postMessage: (message: Message) => void;

  /** @internal Ports are made by the API: runtime.connect, tabs.connect, onConnect. */
  constructor(messaging: ContextMessaging, portId: PortId, name: string, sender?: MessageSender, toNativeHost = false) {
    const port: PortInternals = {
      state: 'active',
      messaging,
      portId,
      toNativeHost,
      onMessage: new ChromeEvent(messaging.context),
      onDisconnect: new ChromeEvent(messaging.context),
    };
    internals.set(this, port);
    // Plain assignments make own enumerable, writable, configurable data properties, in this order.
    const methods = messaging.portMethods;
    (this as Mutable<Port>).sender = sender;
    (this as Mutable<Port>).onMessage = port.onMessage;
    (this as Mutable<Port>).onDisconnect = port.onDisconnect;
    (this as Mutable<Port>).name = name;
    (this as Mutable<Port>).disconnect = methods.disconnect;
    (this as Mutable<Port>).postMessage = methods.postMessage;
  }

  /**
   * @internal A message for this end arrived. Only a native host can send text that is not JSON
   * (MessageToV8's fail-safe parsing): the context's console says so, and the port stays open.
   */
  static deliver(port: Port, message: SerializedMessage): void {
    const internal = internalsOf(port);
    if (internal.state !== 'active') return;
    const parsed = internal.messaging.receive(message);
    if (!parsed.ok) {
      internal.messaging.context.log('error', MALFORMED_JSON_MESSAGE);
      return;
    }
    if (message.userGesture) runWithUserGesture(internal.messaging.context, () => internal.onMessage.dispatch([parsed.value, port]));
    else internal.onMessage.dispatch([parsed.value, port]);
  }

  /** @internal The other end went away: onDisconnect fires once, with lastError set if there is an error. */
  static disconnected(port: Port, error: string): void {
    const internal = internalsOf(port);
    if (internal.state !== 'active') return;
    internal.state = 'disconnected';
    internal.messaging.lastError.runWith(error, () => {
      internal.onDisconnect.dispatch([port]);
    });
    internal.onMessage.invalidate();
    internal.onDisconnect.invalidate();
  }

  /** @internal The context died. */
  static invalidate(port: Port): void {
    const internal = internalsOf(port);
    internal.state = 'invalidated';
    internal.onMessage.invalidate();
    internal.onDisconnect.invalidate();
  }
}

// Chrome's Port constructor is anonymous (observed in Chromium 156: the prototype's constructor.name is "").
Object.defineProperty(Port, 'name', { value: '' });

function postPortMessage(port: PortInternals, args: unknown[]): void {
  assertNotInvalidated(port);
  const realm = port.messaging.realm;
  if (args.length === 0) throw bindingError(realm, 'TypeError', INSUFFICIENT_ARGUMENTS);
  if (port.state === 'disconnected') throw bindingError(realm, 'Error', DISCONNECTED_PORT);
  let message: SerializedMessage;
  try {
    message = port.messaging.serialize(args[0], port.toNativeHost);
  } catch (error) {
    // A plain Error, without the invocation prefix the one-time APIs use.
    if (error instanceof SerializationError) throw bindingError(realm, 'Error', error.message);
    throw error;
  }
  port.messaging.service.postMessage(port.messaging.context, port.portId, message);
}

function disconnectPort(port: PortInternals): void {
  assertNotInvalidated(port);
  if (port.state === 'disconnected') return;
  port.state = 'disconnected';
  port.onMessage.invalidate();
  port.onDisconnect.invalidate();
  port.messaging.forgetPort(port.portId);
  port.messaging.service.closePort(port.messaging.context, port.portId, true);
}
