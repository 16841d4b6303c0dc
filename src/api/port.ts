import type { PortId } from '../core/context.ts';
import { CONTEXT_INVALIDATED, DISCONNECTED_PORT } from '../core/errors.ts';
import type { MessageSender } from '../core/sender.ts';
import { SerializationError } from '../core/serialization.ts';
import { ChromeEvent } from './event.ts';
import type { ContextMessaging, Message } from './messaging.ts';

type PortState = 'active' | 'disconnected' | 'invalidated';

/**
 * runtime.Port (extensions/renderer/api/messaging/gin_port.cc). One object per end per
 * context; its internals stay private so that the object has Chrome's shape.
 */
export class Port {
  readonly name: string;
  declare readonly sender?: MessageSender;
  #state: PortState = 'active';
  readonly #messaging: ContextMessaging;
  readonly #portId: PortId;
  readonly #onMessage: ChromeEvent<(message: Message, port: Port) => void>;
  readonly #onDisconnect: ChromeEvent<(port: Port) => void>;

  /** @internal Ports are made by the API: runtime.connect, tabs.connect, onConnect. */
  constructor(messaging: ContextMessaging, portId: PortId, name: string, sender?: MessageSender) {
    this.#messaging = messaging;
    this.#portId = portId;
    this.name = name;
    // Only ports handed to onConnect listeners have a sender; the opener's has none at all.
    if (sender) Object.defineProperty(this, 'sender', { value: sender, enumerable: true, writable: true, configurable: true });
    this.#onMessage = new ChromeEvent(messaging.context);
    this.#onDisconnect = new ChromeEvent(messaging.context);
  }

  get onMessage(): ChromeEvent<(message: Message, port: Port) => void> {
    this.assertNotInvalidated();
    return this.#onMessage;
  }

  get onDisconnect(): ChromeEvent<(port: Port) => void> {
    this.assertNotInvalidated();
    return this.#onDisconnect;
  }

  postMessage(message?: unknown): void {
    this.assertNotInvalidated();
    const realm = this.#messaging.realm;
    if (this.#state === 'disconnected') throw new realm.Error(DISCONNECTED_PORT);
    let json: string;
    try {
      json = this.#messaging.serialize(message);
    } catch (error) {
      // A plain Error, without the invocation prefix the one-time APIs use.
      if (error instanceof SerializationError) throw new realm.Error(error.message);
      throw error;
    }
    this.#messaging.service.postMessage(this.#messaging.context, this.#portId, json);
  }

  disconnect(): void {
    this.assertNotInvalidated();
    if (this.#state === 'disconnected') return;
    this.#state = 'disconnected';
    this.#onMessage.invalidate();
    this.#onDisconnect.invalidate();
    this.#messaging.forgetPort(this.#portId);
    this.#messaging.service.closePort(this.#messaging.context, this.#portId, true);
  }

  /** @internal A message for this end arrived. */
  static deliver(port: Port, json: string): void {
    if (port.#state !== 'active') return;
    const message = port.#messaging.parse(json);
    port.#onMessage.dispatch([message, port]);
  }

  /** @internal The other end went away: onDisconnect fires once, with lastError set if there is an error. */
  static disconnected(port: Port, error: string): void {
    if (port.#state !== 'active') return;
    port.#state = 'disconnected';
    port.#messaging.lastError.runWith(error, () => {
      port.#onDisconnect.dispatch([port]);
    });
    port.#onMessage.invalidate();
    port.#onDisconnect.invalidate();
  }

  /** @internal The context died. */
  static invalidate(port: Port): void {
    port.#state = 'invalidated';
    port.#onMessage.invalidate();
    port.#onDisconnect.invalidate();
  }

  private assertNotInvalidated(): void {
    if (this.#state === 'invalidated' || !this.#messaging.context.valid) {
      throw new this.#messaging.realm.Error(CONTEXT_INVALIDATED);
    }
  }
}
