import type { ScriptContext } from '../core/context.ts';
import { CONTEXT_INVALIDATED } from '../core/errors.ts';
import type { MessageSender } from '../core/sender.ts';
import type { ChromeEvent } from './event.ts';
import { serializeForCall } from './invocation.ts';
import type { ConnectListener, ContextMessaging, MessageListener } from './messaging.ts';
import {
  RUNTIME_CONNECT,
  RUNTIME_CONNECT_NATIVE,
  RUNTIME_GET_URL,
  RUNTIME_SEND_MESSAGE,
  RUNTIME_SEND_NATIVE_MESSAGE,
  massageSendMessageArguments,
  resolveTargetExtensionId,
} from './messaging-arguments.ts';
import type { Port } from './port.ts';
import { bindingError } from './realm.ts';
import { addRuntimePlatform } from './runtime-platform.ts';

type Callback = (...args: unknown[]) => void;

/** The messaging part of chrome.runtime, in the shape Chrome gives extension contexts. */
export interface Runtime {
  /** Reads undefined once the context is invalidated (the extension was reloaded or disabled), as in Chrome. */
  readonly id: string;
  readonly lastError?: { message: string };
  getURL(path: string): string;
  sendMessage(...args: unknown[]): Promise<unknown> | undefined;
  connect(...args: unknown[]): Port;
  readonly onMessage: ChromeEvent<MessageListener>;
  readonly onConnect: ChromeEvent<ConnectListener>;
}

export interface PrivilegedRuntime extends Runtime {
  readonly onMessageExternal: ChromeEvent<MessageListener>;
  readonly onConnectExternal: ChromeEvent<ConnectListener>;
  /** Only with the "nativeMessaging" permission (absent otherwise, as in Chrome). */
  connectNative?(application: string): Port;
  /** Only with the "nativeMessaging" permission (absent otherwise, as in Chrome). */
  sendNativeMessage?(...args: unknown[]): Promise<unknown> | undefined;
}

/** What a web page covered by externally_connectable gets: sendMessage, connect, lastError. */
export interface WebPageRuntime {
  readonly lastError?: { message: string };
  sendMessage(...args: unknown[]): Promise<unknown> | undefined;
  connect(...args: unknown[]): Port;
}

export type { MessageSender };

export function assertContextValid(messaging: ContextMessaging): void {
  if (!messaging.context.valid) throw bindingError(messaging.realm, 'Error', CONTEXT_INVALIDATED);
}

/** runtime_hooks_delegate.cc HandleSendMessage: massage, parse, resolve the target, serialize, send. */
function sendOneTimeMessage(messaging: ContextMessaging, args: unknown[]): Promise<unknown> | undefined {
  assertContextValid(messaging);
  const { context } = messaging;
  const [extensionId, message, , callback] = RUNTIME_SEND_MESSAGE.parse(massageSendMessageArguments(args, true), messaging.realm);
  const target = resolveTargetExtensionId(extensionId as string | null | undefined, context.extension?.id, 'runtime.sendMessage', RUNTIME_SEND_MESSAGE, messaging.realm);
  const serialized = serializeForCall(messaging, RUNTIME_SEND_MESSAGE, message);
  const portId = messaging.service.openChannelToExtension(context, target, { channelType: 'sendMessage', channelName: '', message: serialized });
  return messaging.sendOneTime(portId, callback as Callback | undefined);
}

function openConnection(messaging: ContextMessaging, args: unknown[]): Port {
  assertContextValid(messaging);
  const { context } = messaging;
  const [extensionId, connectInfo] = RUNTIME_CONNECT.parse(args, messaging.realm);
  const target = resolveTargetExtensionId(extensionId as string | null | undefined, context.extension?.id, 'runtime.connect', RUNTIME_CONNECT, messaging.realm);
  const name = (connectInfo as { name?: string } | undefined)?.name ?? '';
  const portId = messaging.service.openChannelToExtension(context, target, { channelType: 'connect', channelName: name });
  return messaging.openerPort(portId, name);
}

/** runtime_hooks_delegate.cc HandleConnectNative: a Port named '' whose other end is the host. */
function connectNative(messaging: ContextMessaging, args: unknown[]): Port {
  assertContextValid(messaging);
  const [application] = RUNTIME_CONNECT_NATIVE.parse(args, messaging.realm);
  const portId = messaging.service.openChannelToNativeApp(messaging.context, application as string);
  return messaging.openerPort(portId, '', true);
}

/**
 * HandleSendNativeMessage: massaged without options, parsed, serialized as JSON; a new host per
 * call, whose first message is the answer (the one-time handler's opener side does the rest).
 */
function sendNativeMessage(messaging: ContextMessaging, args: unknown[]): Promise<unknown> | undefined {
  assertContextValid(messaging);
  const [application, message, callback] = RUNTIME_SEND_NATIVE_MESSAGE.parse(massageSendMessageArguments(args, false), messaging.realm);
  // A host reads the text exactly as this realm's JSON.stringify writes it.
  const text = serializeForCall(messaging, RUNTIME_SEND_NATIVE_MESSAGE, message, true);
  const portId = messaging.service.openChannelToNativeApp(messaging.context, application as string, text);
  return messaging.sendOneTime(portId, callback as Callback | undefined);
}

/** _api_features.json: native messaging is for privileged extension contexts with the permission. */
function hasNativeMessaging(context: ScriptContext): boolean {
  return context.type !== 'content_script' && context.extension?.parsed.permissions.has('nativeMessaging') === true;
}

/** runtime.json's enums, as chrome.runtime carries them in every context that has it (Chromium 156). */
const RUNTIME_ENUMS = {
  ContextType: { BACKGROUND: 'BACKGROUND', DEVELOPER_TOOLS: 'DEVELOPER_TOOLS', OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT', POPUP: 'POPUP', SIDE_PANEL: 'SIDE_PANEL', TAB: 'TAB' },
  OnInstalledReason: { CHROME_UPDATE: 'chrome_update', INSTALL: 'install', SHARED_MODULE_UPDATE: 'shared_module_update', UPDATE: 'update' },
  OnRestartRequiredReason: { APP_UPDATE: 'app_update', OS_UPDATE: 'os_update', PERIODIC: 'periodic' },
  PlatformArch: { ARM: 'arm', ARM64: 'arm64', MIPS: 'mips', MIPS64: 'mips64', PPC64: 'ppc64', RISCV64: 'riscv64', X86_32: 'x86-32', X86_64: 'x86-64' },
  PlatformNaclArch: { ARM: 'arm', MIPS: 'mips', MIPS64: 'mips64', PPC64: 'ppc64', X86_32: 'x86-32', X86_64: 'x86-64' },
  PlatformOs: { ANDROID: 'android', CROS: 'cros', LINUX: 'linux', MAC: 'mac', OPENBSD: 'openbsd', WIN: 'win' },
  RequestUpdateCheckStatus: { NO_UPDATE: 'no_update', THROTTLED: 'throttled', UPDATE_AVAILABLE: 'update_available' },
};

/**
 * chrome.runtime for one context. A web page's has Chrome's keys in Chrome's order (dynamicId, id,
 * connect, sendMessage, the enums: observed in Chromium 156); `lastError` is a key only while an
 * error is set. An extension context's `id` reads undefined once the context is invalidated.
 */
export function createRuntime(messaging: ContextMessaging, context: ScriptContext): Runtime | PrivilegedRuntime | WebPageRuntime {
  const runtime: Record<string, unknown> = {};
  const extension = context.extension;
  const data = (value: unknown): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true });
  if (extension) {
    Object.defineProperty(runtime, 'id', { get: () => (context.valid ? extension.id : undefined), enumerable: true, configurable: true });
    runtime.getURL = function getURL(...args: unknown[]): string {
      assertContextValid(messaging);
      const [path] = RUNTIME_GET_URL.parse(args, messaging.realm);
      return extension.getURL(path as string);
    };
  } else {
    Object.defineProperties(runtime, { dynamicId: data(undefined), id: data(undefined) });
  }
  // Method shorthand gives the functions Chrome's names (chrome.runtime.sendMessage.name === 'sendMessage').
  const methods = {
    connect: (...args: unknown[]): Port => openConnection(messaging, args),
    sendMessage: (...args: unknown[]): Promise<unknown> | undefined => sendOneTimeMessage(messaging, args),
  };
  runtime.connect = { connect(...args: unknown[]) { return methods.connect(...args); } }.connect;
  if (hasNativeMessaging(context)) {
    runtime.connectNative = { connectNative(...args: unknown[]) { return connectNative(messaging, args); } }.connectNative;
  }
  runtime.sendMessage = { sendMessage(...args: unknown[]) { return methods.sendMessage(...args); } }.sendMessage;
  if (hasNativeMessaging(context)) {
    runtime.sendNativeMessage = { sendNativeMessage(...args: unknown[]) { return sendNativeMessage(messaging, args); } }.sendNativeMessage;
  }
  if (extension) {
    runtime.onMessage = messaging.onMessage;
    runtime.onConnect = messaging.onConnect;
    // onMessageExternal and onConnectExternal exist only in privileged extension contexts.
    if (context.type !== 'content_script') {
      runtime.onMessageExternal = messaging.onMessageExternal;
      runtime.onConnectExternal = messaging.onConnectExternal;
    }
  }
  if (extension) {
    Object.defineProperty(runtime, 'dynamicId', data(extension.dynamicId));
    addRuntimePlatform(runtime, messaging, context);
  }
  for (const [name, values] of Object.entries(RUNTIME_ENUMS)) runtime[name] = messaging.toRealm(values);
  messaging.lastError.attach(runtime);
  return runtime as unknown as Runtime | PrivilegedRuntime | WebPageRuntime;
}
