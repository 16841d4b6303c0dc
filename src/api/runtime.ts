import type { ScriptContext } from '../core/context.ts';
import { CONTEXT_INVALIDATED } from '../core/errors.ts';
import type { MessageSender } from '../core/sender.ts';
import type { ChromeEvent } from './event.ts';
import { serializeForCall } from './invocation.ts';
import type { ConnectListener, ContextMessaging, MessageListener } from './messaging.ts';
import {
  RUNTIME_CONNECT,
  RUNTIME_GET_URL,
  RUNTIME_SEND_MESSAGE,
  massageSendMessageArguments,
  resolveTargetExtensionId,
} from './messaging-arguments.ts';
import type { Port } from './port.ts';

type Callback = (...args: unknown[]) => void;

/** The messaging part of chrome.runtime, in the shape Chrome gives extension contexts. */
export interface Runtime {
  readonly id: string;
  readonly lastError: { message: string } | undefined;
  getURL(path: string): string;
  sendMessage(...args: unknown[]): Promise<unknown> | undefined;
  connect(...args: unknown[]): Port;
  readonly onMessage: ChromeEvent<MessageListener>;
  readonly onConnect: ChromeEvent<ConnectListener>;
}

export interface PrivilegedRuntime extends Runtime {
  readonly onMessageExternal: ChromeEvent<MessageListener>;
  readonly onConnectExternal: ChromeEvent<ConnectListener>;
}

/** What a web page covered by externally_connectable gets: sendMessage, connect, lastError. */
export interface WebPageRuntime {
  readonly lastError: { message: string } | undefined;
  sendMessage(...args: unknown[]): Promise<unknown> | undefined;
  connect(...args: unknown[]): Port;
}

export type { MessageSender };

export function assertContextValid(messaging: ContextMessaging): void {
  if (!messaging.context.valid) throw new messaging.realm.Error(CONTEXT_INVALIDATED);
}

/** runtime_hooks_delegate.cc HandleSendMessage: massage, parse, resolve the target, serialize, send. */
function sendMessage(messaging: ContextMessaging, args: unknown[]): Promise<unknown> | undefined {
  assertContextValid(messaging);
  const { context } = messaging;
  const [extensionId, message, , callback] = RUNTIME_SEND_MESSAGE.parse(massageSendMessageArguments(args, true), messaging.realm);
  const target = resolveTargetExtensionId(extensionId as string | null | undefined, context.extension?.id, 'runtime.sendMessage', RUNTIME_SEND_MESSAGE, messaging.realm);
  const json = serializeForCall(messaging, RUNTIME_SEND_MESSAGE, message);
  const portId = messaging.service.openChannelToExtension(context, target, { channelType: 'sendMessage', channelName: '' });
  return messaging.sendOneTime(portId, json, callback as Callback | undefined);
}

function connect(messaging: ContextMessaging, args: unknown[]): Port {
  assertContextValid(messaging);
  const { context } = messaging;
  const [extensionId, connectInfo] = RUNTIME_CONNECT.parse(args, messaging.realm);
  const target = resolveTargetExtensionId(extensionId as string | null | undefined, context.extension?.id, 'runtime.connect', RUNTIME_CONNECT, messaging.realm);
  const name = (connectInfo as { name?: string } | undefined)?.name ?? '';
  const portId = messaging.service.openChannelToExtension(context, target, { channelType: 'connect', channelName: name });
  return messaging.openerPort(portId, name);
}

function lastErrorProperty(messaging: ContextMessaging): PropertyDescriptor {
  return { get: () => messaging.lastError.get(), enumerable: true, configurable: true };
}

export function createRuntime(messaging: ContextMessaging, context: ScriptContext): Runtime | PrivilegedRuntime | WebPageRuntime {
  const runtime: Record<string, unknown> = {};
  const extension = context.extension;
  if (extension) {
    runtime.id = extension.id;
    runtime.getURL = function getURL(...args: unknown[]): string {
      assertContextValid(messaging);
      const [path] = RUNTIME_GET_URL.parse(args, messaging.realm);
      return extension.getURL(path as string);
    };
  }
  runtime.sendMessage = function sendMessageBinding(...args: unknown[]) {
    return sendMessage(messaging, args);
  };
  runtime.connect = function connectBinding(...args: unknown[]) {
    return connect(messaging, args);
  };
  Object.defineProperty(runtime, 'lastError', lastErrorProperty(messaging));
  if (extension) {
    runtime.onMessage = messaging.onMessage;
    runtime.onConnect = messaging.onConnect;
    // onMessageExternal and onConnectExternal exist only in privileged extension contexts.
    if (context.type !== 'content_script') {
      runtime.onMessageExternal = messaging.onMessageExternal;
      runtime.onConnectExternal = messaging.onConnectExternal;
    }
  }
  return runtime as unknown as Runtime | PrivilegedRuntime | WebPageRuntime;
}
