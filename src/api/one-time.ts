import { types } from 'node:util';
import type { ConnectDispatch, MessagingEventName, PortId } from '../core/context.ts';
import type { MessageSender } from '../core/sender.ts';
import {
  LISTENER_ERROR_UNPARSEABLE,
  MALFORMED_JSON_MESSAGE,
  PORT_CLOSED_BEFORE_RESPONSE,
  PROMISE_REJECTED_WITHOUT_ERROR,
  errorHandlingResponse,
} from '../core/errors.ts';
import { SerializationError, type SerializedMessage } from '../core/serialization.ts';
import type { ContextMessaging } from './messaging.ts';
import { bindingError } from './realm.ts';
import { runWithUserGesture } from '../platform/user-gesture.ts';
import { describeThrown } from './thrown.ts';

type Opener =
  | { readonly style: 'promise'; resolve(value: unknown): void; reject(error: Error): void }
  | { readonly style: 'callback'; readonly callback: (...args: unknown[]) => void };

interface Receiver {
  readonly portId: PortId;
  readonly eventName: MessagingEventName;
  readonly sender: MessageSender;
}

const portKey = (portId: PortId): number => portId.channelId * 2 + (portId.isOpener ? 0 : 1);

/**
 * runtime.sendMessage and tabs.sendMessage in one context, both ends
 * (extensions/renderer/api/messaging/one_time_message_handler.cc).
 */
export class OneTimeMessageHandler {
  readonly #openers = new Map<number, Opener>();
  readonly #receivers = new Map<number, Receiver>();
  /** A sendResponse that was garbage-collected unused closes this context's port, as Chrome's GCCallback does. */
  readonly #collected = new FinalizationRegistry<PortId>((portId) => this.onResponderCollected(portId));

  constructor(private readonly messaging: ContextMessaging) {}

  // ----- opener -----

  /** The opener's side of a channel opened with its request: returns what the API call returns. */
  send(portId: PortId, callback?: (...args: unknown[]) => void): Promise<unknown> | undefined {
    const { realm } = this.messaging;
    if (callback) {
      this.#openers.set(portKey(portId), { style: 'callback', callback });
      return undefined;
    }
    return new realm.Promise((resolve, reject) => {
      this.#openers.set(portKey(portId), { style: 'promise', resolve, reject });
    });
  }

  /** DeliverReplyToOpener: the first reply completes the call and closes the channel. */
  private deliverReplyToOpener(portId: PortId, message: SerializedMessage): void {
    const opener = this.#openers.get(portKey(portId));
    if (!opener) return;
    this.#openers.delete(portKey(portId));
    // Only a native host's answer can fail to parse: the request completes with the error.
    const reply = this.messaging.receive(message);
    // (A callback then gets one argument, undefined, besides lastError: observed in Chromium 156.)
    if (reply.ok) this.complete(opener, '', reply.value);
    else this.complete(opener, MALFORMED_JSON_MESSAGE, undefined, [undefined]);
    this.messaging.service.closePort(this.messaging.context, portId, true);
  }

  /** DisconnectOpener: with no error a promise resolves undefined, a callback hears "port closed". */
  private disconnectOpener(portId: PortId, error: string): void {
    const opener = this.#openers.get(portKey(portId));
    if (!opener) return;
    this.#openers.delete(portKey(portId));
    const message = error !== '' ? error : opener.style === 'callback' ? PORT_CLOSED_BEFORE_RESPONSE : '';
    this.complete(opener, message, undefined);
  }

  /** `errorArguments`: what a callback gets along with an error (nothing, for a closed channel). */
  private complete(opener: Opener, error: string, value: unknown, errorArguments: readonly unknown[] = []): void {
    const { realm, lastError, context } = this.messaging;
    if (opener.style === 'promise') {
      if (error !== '') opener.reject(new realm.Error(error));
      else opener.resolve(value);
      return;
    }
    const run = (): void => {
      try {
        if (error !== '') opener.callback(...errorArguments);
        else opener.callback(value);
      } catch (thrown) {
        context.log('error', errorHandlingResponse(describeThrown(thrown, true)));
      }
    };
    lastError.runWith(error, run);
  }

  // ----- receiver -----

  /** AddReceiver: this context takes part only if it listens to the event. */
  addReceiver(portId: PortId, dispatch: ConnectDispatch): boolean {
    if (this.messaging.messageEvent(dispatch.eventName).listenerCount === 0) return false;
    this.#receivers.set(portKey(portId), {
      portId,
      eventName: dispatch.eventName,
      sender: this.messaging.adopt(dispatch.createSender()),
    });
    return true;
  }

  /** DeliverMessageToReceiver: every listener runs with one sendResponse shared by all of them. */
  private deliverMessageToReceiver(portId: PortId, serialized: SerializedMessage): void {
    const receiver = this.#receivers.get(portKey(portId));
    if (!receiver) return;
    const received = this.messaging.receive(serialized);
    // Only contexts send to receivers, and what a context sends is always JSON.
    const message = received.ok ? received.value : null;
    const sendResponse = this.createResponder(receiver);
    const event = this.messaging.messageEvent(receiver.eventName);
    const args: Parameters<typeof event.dispatch>[0] = [message, receiver.sender, sendResponse];
    const outcome = serialized.userGesture ? runWithUserGesture(this.messaging.context, () => event.dispatch(args)) : event.dispatch(args);
    // Before M144 only runtime.onMessage looked at what listeners returned, and onMessageExternal kept
    // the port open until a reply, the responder's collection, or the context's death. Chromium 156
    // treats onMessageExternal like onMessage: Promise returns answer, throws reach the sender (observed).
    if (receiver.eventName === 'runtime.onMessage' || this.messaging.features.onMessagePromiseReturns) {
      this.onEventFired(receiver, outcome.results, outcome.errors, sendResponse);
    }
    // Its collection matters only while the port is still open: a port closed already ignores it.
    if (this.#receivers.get(portKey(receiver.portId)) === receiver) this.#collected.register(sendResponse, receiver.portId);
  }

  private createResponder(receiver: Receiver): (response?: unknown) => void {
    const respond = this.respond.bind(this, receiver);
    // Chrome's is a plain anonymous function: name "", length 0, callable with any receiver and
    // any number of arguments (observed in Chromium 156); a sealed realm's own.
    const sendResponse = function (...args: unknown[]): void {
      respond(args.length > 0 ? args[0] : undefined);
    };
    return this.messaging.realm.ownFunction?.(sendResponse) ?? sendResponse;
  }

  /** OnOneTimeMessageResponse: the first call wins; later ones, or calls after the port closed, do nothing. */
  private respond(receiver: Receiver, response: unknown): void {
    const { service, context, realm, features } = this.messaging;
    if (this.#receivers.get(portKey(receiver.portId)) !== receiver) return;
    let serialized: SerializedMessage;
    try {
      serialized = this.messaging.serialize(response);
    } catch (error) {
      if (!(error instanceof SerializationError)) throw error;
      // M144+: an answer that cannot be sent also ends the channel with the reason.
      if (features.onMessagePromiseReturns) this.closeReceiver(receiver, true, error.message);
      throw bindingError(realm, 'TypeError', error.message);
    }
    service.postMessage(context, receiver.portId, serialized);
    this.closeReceiver(receiver, true);
  }

  /** OnEventFired: after all listeners ran, decide between an error, a later answer, or no answer. */
  private onEventFired(receiver: Receiver, results: unknown[], errors: unknown[], sendResponse: (r?: unknown) => void): void {
    const { service, context, features } = this.messaging;
    if (this.#receivers.get(portKey(receiver.portId)) !== receiver) return;
    // The first throw with something to say closes the channel with it; an Error with an empty
    // message counts as no error at all (observed in Chromium 156).
    const error = features.onMessagePromiseReturns ? errors.map(listenerErrorMessage).find((m) => m !== '') : undefined;
    if (error !== undefined) {
      this.closeReceiver(receiver, true, error);
      return;
    }
    let willReplyAsync = false;
    for (const result of results) {
      if (result === true) {
        willReplyAsync = true;
        if (!features.onMessagePromiseReturns) break;
      }
      if (features.onMessagePromiseReturns && types.isPromise(result)) {
        (result as Promise<unknown>).then(
          (value) => {
            try {
              sendResponse(value);
            } catch {
              // The serialization failure already closed the channel with its reason.
            }
          },
          (reason: unknown) => this.onPromiseRejected(receiver, reason),
        );
        willReplyAsync = true;
      }
    }
    if (willReplyAsync) {
      service.responsePending(context, receiver.portId);
      return;
    }
    this.closeReceiver(receiver, false);
  }

  /**
   * PromiseRejectedResponse: a native Error's message reaches the sender; an empty one closes the
   * channel with no error (the sender resolves undefined); any other reason gets Chrome's generic text.
   */
  private onPromiseRejected(receiver: Receiver, reason: unknown): void {
    if (this.#receivers.get(portKey(receiver.portId)) !== receiver) return;
    this.closeReceiver(receiver, true, types.isNativeError(reason) ? listenerErrorMessage(reason) : PROMISE_REJECTED_WITHOUT_ERROR);
  }

  private onResponderCollected(portId: PortId): void {
    const receiver = this.#receivers.get(portKey(portId));
    if (!receiver || !this.messaging.context.valid) return;
    this.closeReceiver(receiver, false);
  }

  private closeReceiver(receiver: Receiver, closeChannel: boolean, error?: string): void {
    const { service, context } = this.messaging;
    this.#receivers.delete(portKey(receiver.portId));
    if (closeChannel && error !== undefined) service.closeChannelWithError(context, receiver.portId, error);
    else service.closePort(context, receiver.portId, closeChannel);
  }

  // ----- both -----

  /** True when the message was for a one-time port of this context. */
  deliverMessage(portId: PortId, message: SerializedMessage): boolean {
    const key = portKey(portId);
    if (portId.isOpener ? !this.#openers.has(key) : !this.#receivers.has(key)) return false;
    if (portId.isOpener) this.deliverReplyToOpener(portId, message);
    else this.deliverMessageToReceiver(portId, message);
    return true;
  }

  disconnect(portId: PortId, error: string): boolean {
    const key = portKey(portId);
    if (portId.isOpener) {
      if (!this.#openers.has(key)) return false;
      this.disconnectOpener(portId, error);
      return true;
    }
    return this.#receivers.delete(key);
  }

  /** The context died: pending calls never settle, as in Chrome. */
  invalidate(): void {
    this.#openers.clear();
    this.#receivers.clear();
  }
}

/**
 * The text a listener's exception sends to the opener (observed in Chromium 156): a native Error's
 * own message, without its name; '' for an empty message (no error); Chrome's generic text for a
 * message that is not a string and for a thrown value that is not a native Error.
 */
function listenerErrorMessage(thrown: unknown): string {
  if (!types.isNativeError(thrown)) return LISTENER_ERROR_UNPARSEABLE;
  let message: unknown;
  try {
    message = (thrown as Error).message;
  } catch {
    return LISTENER_ERROR_UNPARSEABLE;
  }
  return typeof message === 'string' ? message : LISTENER_ERROR_UNPARSEABLE;
}

export { portKey };
