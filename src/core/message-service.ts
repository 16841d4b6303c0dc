import type { Browser } from './browser.ts';
import type { ChannelType, ConnectDispatch, MessagingEventName, PortId, ScriptContext } from './context.ts';
import {
  CLOSED_WHEN_PAGE_ENTERS_BFCACHE,
  CLOSED_WHILE_RESPONSE_PENDING,
  NATIVE_MESSAGING_NOT_SUPPORTED,
  NATIVE_MESSAGING_PERMISSION_REQUIRED,
  RECEIVING_END_DOES_NOT_EXIST,
} from './errors.ts';
import type { Extension } from './extension.ts';
import type { NativeHostEndpoint } from './native-host.ts';
import { buildSender, type ChannelTarget, type MessageSender } from './sender.ts';
import { messageText, textMessage, type SerializedMessage } from './serialization.ts';

export interface OpenChannelOptions {
  readonly channelType: ChannelType;
  readonly channelName: string;
  /**
   * A one-time request's message, posted with the opening. It rides the opening's task, which
   * runs no code of any context's, so it arrives exactly as a postMessage right after would.
   */
  readonly message?: SerializedMessage;
}

/** Which frame(s) of a tab a tabs.* channel targets. */
export interface TabTarget {
  readonly tabId: number;
  readonly frameId?: number;
  readonly documentId?: string;
}

/** Why a context stops taking part in its channels. */
export type ContextGone = 'unload' | 'bfcache';

/**
 * One channel: an opener end (exactly one context) and a receiver end that fans out to every
 * context that opened a port for it (Chromium's ExtensionMessagePort on each side), or, for
 * connectNative and sendNativeMessage, a native host process (Chromium's NativeMessagePort).
 */
class Channel {
  readonly receivers: ScriptContext[] = [];
  /** The receiver end when it is a native messaging host rather than contexts. */
  nativeHost: NativeHostEndpoint | undefined;
  /** connectNative / sendNativeMessage: the receiver end will be a native host. */
  toNativeApp = false;
  opened = false;
  closed = false;
  /** Some receiver context had a listener; without one the opener hears "Receiving end does not exist." */
  portCreated = false;
  /** A receiver said it will answer later (a listener returned true or a Promise). */
  responsePending = false;
  /** A one-time channel's keepalives on its extensions' workers, ended when it closes. */
  readonly keepalives: (() => void)[] = [];
  /**
   * While the target's service worker starts for the opening: what the opener asks meanwhile
   * (messages, a disconnect), run in order once the channel has opened.
   */
  waiting: (() => void)[] | undefined;

  readonly openerPort: PortId;
  readonly receiverPort: PortId;

  constructor(
    readonly id: number,
    readonly opener: ScriptContext,
  ) {
    this.openerPort = { channelId: id, isOpener: true };
    this.receiverPort = { channelId: id, isOpener: false };
  }
}

/**
 * The browser's message service (extensions/browser/api/messaging/message_service.cc): it owns
 * every channel, decides who receives, builds the MessageSender, and routes messages and
 * disconnects between contexts, always asynchronously. It knows nothing of `chrome.*` shapes.
 */
export class MessageService {
  readonly #channels = new Map<number, Channel>();
  /** The channels each context takes part in, so that a context's death is cheap to handle. */
  readonly #channelsOf = new Map<ScriptContext, Set<Channel>>();
  #nextChannelId = 1;

  constructor(private readonly browser: Browser) {}

  /** Open channels, for diagnostics and leak checks. */
  get channelCount(): number {
    return this.#channels.size;
  }

  /** runtime.sendMessage / runtime.connect towards an extension (the source's own, or another). */
  openChannelToExtension(source: ScriptContext, targetExtensionId: string, options: OpenChannelOptions): PortId {
    const channel = this.createChannel(source);
    this.browser.post(() => {
      if (channel.closed) return;
      const target = this.browser.extensions.get(targetExtensionId);
      if (!target?.enabled || !this.mayConnect(source, target)) {
        this.closeChannel(channel, RECEIVING_END_DOES_NOT_EXIST, 'opener');
        return;
      }
      // A stopped service worker is started first, and hears the opening once its top-level code ran
      // (MessageService's pending lazy-context tasks).
      if ((target.serviceWorkerState === 'running' && !target.serviceWorkerLifetime.waking) || target.parsed.serviceWorker === undefined) {
        this.openToExtension(channel, source, target, options);
      } else {
        channel.waiting = [];
        target.serviceWorkerLifetime.whenRunning(() => this.openToExtension(channel, source, target, options));
      }
    });
    return channel.openerPort;
  }

  /** The channel reaches the extension's pages and worker; what waited for the worker follows. */
  private openToExtension(channel: Channel, source: ScriptContext, target: Extension, options: OpenChannelOptions): void {
    const waiting = channel.waiting;
    channel.waiting = undefined;
    if (channel.closed) return;
    if (!target.enabled) {
      this.closeChannel(channel, RECEIVING_END_DOES_NOT_EXIST, 'opener');
      return;
    }
    const internal = source.extension === target;
    const candidates = [...target.pageContexts];
    if (target.serviceWorker) candidates.push(target.serviceWorker);
    this.connect(channel, target, 'extension', options, internal, candidates);
    if (options.message) this.routeMessage(channel, source, true, options.message);
    if (waiting) for (const request of waiting) request();
  }

  /** tabs.sendMessage / tabs.connect towards the source extension's content scripts in a tab. */
  openChannelToTab(source: ScriptContext, target: TabTarget, options: OpenChannelOptions): PortId {
    const channel = this.createChannel(source);
    this.browser.post(() => {
      if (channel.closed) return;
      const extension = source.extension;
      const documents = extension?.enabled ? this.browser.resolveTabTarget(target) : undefined;
      if (!extension || !documents) {
        this.closeChannel(channel, RECEIVING_END_DOES_NOT_EXIST, 'opener');
        return;
      }
      const candidates: ScriptContext[] = [];
      for (const document of documents) {
        const world = document.isolatedWorld(extension);
        if (world?.valid) candidates.push(world);
        // The extension's own page in a frame of the tab is reached too.
        if (document.extension === extension) candidates.push(document.mainWorld);
      }
      this.connect(channel, extension, 'tab', options, true, candidates);
      if (options.message) this.routeMessage(channel, source, true, options.message);
    });
    return channel.openerPort;
  }

  /**
   * runtime.connectNative / runtime.sendNativeMessage (MessageService::OpenChannelToNativeApp): the
   * receiver end is a host process the browser's NativeHostLauncher starts. Whatever fails (name,
   * manifest, origin, launch, the host's exit) closes the channel towards the opener with Chrome's error.
   */
  openChannelToNativeApp(source: ScriptContext, hostName: string, message?: SerializedMessage): PortId {
    const channel = this.createChannel(source);
    channel.toNativeApp = true;
    this.browser.post(() => {
      if (channel.closed) return;
      const extension = source.extension;
      if (!extension?.enabled || !extension.parsed.permissions.has('nativeMessaging')) {
        this.closeChannel(channel, NATIVE_MESSAGING_PERMISSION_REQUIRED, 'opener');
        return;
      }
      const launcher = this.browser.nativeHosts;
      if (!launcher) {
        this.closeChannel(channel, NATIVE_MESSAGING_NOT_SUPPORTED, 'opener');
        return;
      }
      channel.nativeHost = launcher.start(
        { hostName, extensionId: extension.id },
        {
          postMessageFromNativeHost: (message) => {
            if (channel.closed) return;
            this.browser.post(() => this.deliver(channel.opener, channel.openerPort, textMessage(message)));
          },
          closeChannel: (error) => {
            if (!channel.closed) this.closeChannel(channel, error, 'opener');
          },
        },
      );
      if (channel.closed) return;
      channel.opened = true;
      if (message) this.routeMessage(channel, source, true, message);
    });
    return channel.openerPort;
  }

  /**
   * What a context asks of the service (post, close) reaches it in order, as IPC from one renderer
   * does: each request is one task, behind the channel's opening and whatever the context asked
   * before, and its effect on the other end happens in that task. So messages on two channels
   * opened together arrive in the order they were posted, after both onConnects (observed in
   * Chromium 156), and a message posted before a disconnect arrives before it.
   */
  postMessage(source: ScriptContext, portId: PortId, message: SerializedMessage): void {
    const channel = this.#channels.get(portId.channelId);
    if (!channel || channel.closed) return;
    this.workerActivity(source);
    this.browser.post(() => {
      if (channel.waiting) channel.waiting.push(() => this.routeMessage(channel, source, portId.isOpener, message));
      else this.routeMessage(channel, source, portId.isOpener, message);
    });
  }

  /**
   * Closes `source`'s end. `closeChannel` destroys the channel (port.disconnect(), a first reply);
   * otherwise only this receiver context leaves it, and the channel ends with its last receiver.
   */
  closePort(source: ScriptContext, portId: PortId, closeChannel: boolean): void {
    const channel = this.#channels.get(portId.channelId);
    if (!channel || channel.closed) return;
    // The browser closes the channel as the request arrives, with the reply it follows: the
    // workers' keepalives end now, not when the close's task runs.
    if (closeChannel || portId.isOpener) this.releaseKeepalives(channel);
    this.browser.post(() => {
      if (channel.waiting) channel.waiting.push(() => this.closePortNow(channel, source, portId, closeChannel));
      else this.closePortNow(channel, source, portId, closeChannel);
    });
  }

  private closePortNow(channel: Channel, source: ScriptContext, portId: PortId, closeChannel: boolean): void {
    if (channel.closed) return;
    if (portId.isOpener) {
      if (channel.opener === source) this.closeChannel(channel, '', 'receivers', true);
    } else if (channel.receivers.includes(source)) {
      if (closeChannel) this.closeChannel(channel, '', 'opener', true);
      else this.removeReceiver(channel, source, 'port-closed', true);
    }
  }

  /** M144+: a receiver closes the channel with an error the opener sees (a listener threw or rejected). */
  closeChannelWithError(source: ScriptContext, portId: PortId, error: string): void {
    const channel = this.#channels.get(portId.channelId);
    if (!channel || channel.closed || portId.isOpener) return;
    this.releaseKeepalives(channel);
    this.browser.post(() => {
      if (!channel.closed && channel.receivers.includes(source)) this.closeChannel(channel, error, 'opener', true);
    });
  }

  /** A receiver will answer a one-time message later. */
  responsePending(source: ScriptContext, portId: PortId): void {
    const channel = this.#channels.get(portId.channelId);
    if (channel && !portId.isOpener && channel.receivers.includes(source)) channel.responsePending = true;
  }

  /**
   * A context left every channel: it unloaded, its extension unloaded, or its page entered the
   * back/forward cache. The other ends learn of it as Chromium's ports do.
   */
  contextGone(context: ScriptContext, reason: ContextGone): void {
    const channels = this.#channelsOf.get(context);
    if (!channels) return;
    for (const channel of [...channels]) {
      if (channel.closed) continue;
      if (channel.opener === context) {
        const error = reason === 'bfcache' ? CLOSED_WHEN_PAGE_ENTERS_BFCACHE : '';
        if (channel.waiting) {
          channel.waiting.push(() => channel.closed || this.closeChannel(channel, error, 'receivers', true));
          continue;
        }
        // What the context asked before it went (the opening, its messages) still reaches the
        // receivers first; then the channel closes.
        if (channel.opened || channel.toNativeApp) this.closeChannel(channel, error, 'receivers');
        else this.browser.post(() => channel.closed || this.closeChannel(channel, error, 'receivers', true));
      } else {
        this.removeReceiver(channel, context, reason);
      }
    }
    this.#channelsOf.delete(context);
  }

  /** An event reached a service worker, or it asked something of the browser: its idle timer starts again. */
  private workerActivity(context: ScriptContext): void {
    if (context.type === 'service_worker' && context.valid) context.extension?.serviceWorkerLifetime.activity();
  }

  private createChannel(opener: ScriptContext): Channel {
    this.workerActivity(opener);
    const channel = new Channel(this.#nextChannelId++, opener);
    this.#channels.set(channel.id, channel);
    this.track(opener, channel);
    return channel;
  }

  private connect(
    channel: Channel,
    target: Extension,
    kind: ChannelTarget,
    options: OpenChannelOptions,
    internal: boolean,
    candidates: readonly ScriptContext[],
  ): void {
    const source = channel.opener;
    const eventName = eventFor(options.channelType, internal);
    const dispatch: ConnectDispatch = {
      channelType: options.channelType,
      eventName,
      channelName: options.channelName,
      createSender(): MessageSender {
        return buildSender(source, kind, target);
      },
    };
    for (const context of candidates) {
      // Never the sender itself, nor another context in the sender's frame (RemoveCommonFrames).
      if (context === source || (source.document && context.document === source.document)) continue;
      if (!context.valid) continue;
      // Registered before its listeners run, so that they can already post or disconnect.
      channel.receivers.push(context);
      this.track(context, channel);
      this.workerActivity(context);
      if (context.endpoint.dispatchOnConnect(channel.receiverPort, dispatch)) {
        channel.portCreated = true;
      } else if (!channel.closed) {
        channel.receivers.splice(channel.receivers.indexOf(context), 1);
        this.untrack(context, channel);
      }
      if (channel.closed) return;
    }
    if (channel.receivers.length === 0) {
      this.closeChannel(channel, channel.portCreated ? '' : RECEIVING_END_DOES_NOT_EXIST, 'opener');
      return;
    }
    channel.opened = true;
    // Both ends keep their extension's running worker alive while a one-time channel is open, for
    // at most SERVICE_WORKER_REQUEST_TIMEOUT_MS each (MessageService::OpenChannelImpl increments
    // both ports' keepalives; ExtensionMessagePort::IsServiceWorkerActivity counts MESSAGE_PORT
    // only for one-time channels: a long-lived port keeps the worker only by its messages).
    if (options.channelType === 'sendMessage') {
      this.keepWorkerAlive(channel, target);
      if (source.extension && source.extension !== target) this.keepWorkerAlive(channel, source.extension);
    }
  }

  /** Where a message goes when its task runs: from the opener to every receiver or the native host, from a receiver to the opener. */
  private routeMessage(channel: Channel, source: ScriptContext, fromOpener: boolean, message: SerializedMessage): void {
    if (channel.closed) return;
    if (fromOpener) {
      if (channel.opener !== source) return;
      if (channel.nativeHost) {
        channel.nativeHost.postMessage(messageText(message));
        return;
      }
      const receivers = channel.receivers;
      if (receivers.length === 1) {
        this.deliver(receivers[0]!, channel.receiverPort, message);
        return;
      }
      // The browser sends the message to every receiver at once, before any listener runs.
      for (const receiver of [...receivers]) this.deliver(receiver, channel.receiverPort, message);
    } else if (channel.receivers.includes(source)) {
      // A receiver's message goes to the opener only.
      this.deliver(channel.opener, channel.openerPort, message);
    }
  }

  /** A context that is gone, or whose port is closed, ignores the message (the endpoint knows). */
  private deliver(context: ScriptContext, portId: PortId, message: SerializedMessage): void {
    if (!context.valid) return;
    this.workerActivity(context);
    context.endpoint.deliverMessage(portId, message);
  }

  private removeReceiver(channel: Channel, context: ScriptContext, reason: ContextGone | 'port-closed', notifyNow = false): void {
    const index = channel.receivers.indexOf(context);
    if (index < 0) return;
    channel.receivers.splice(index, 1);
    this.untrack(context, channel);
    if (channel.receivers.length > 0 || !channel.opened) return;
    // ExtensionMessagePort::CloseChannel: which error the opener sees when the last receiver goes.
    let error = '';
    if (reason === 'bfcache') error = CLOSED_WHEN_PAGE_ENTERS_BFCACHE;
    else if (channel.responsePending) error = CLOSED_WHILE_RESPONSE_PENDING;
    this.closeChannel(channel, error, 'opener', notifyNow);
  }

  /**
   * Destroys the channel and tells one side; the side that closed is never told. The other side
   * hears of it in a later task, or in this one when this already is the task of a context's request.
   */
  private closeChannel(channel: Channel, error: string, notify: 'opener' | 'receivers', notifyNow = false): void {
    channel.closed = true;
    this.#channels.delete(channel.id);
    this.releaseKeepalives(channel);
    // A native host learns of the close from its pipes, whichever side closed (ClosePortImpl).
    channel.nativeHost?.close();
    const receivers = channel.receivers.splice(0);
    this.untrack(channel.opener, channel);
    for (const receiver of receivers) this.untrack(receiver, channel);
    if (notifyNow) this.notifyClosed(channel, notify, receivers, error);
    else this.browser.post(() => this.notifyClosed(channel, notify, receivers, error));
  }

  private notifyClosed(channel: Channel, notify: 'opener' | 'receivers', receivers: readonly ScriptContext[], error: string): void {
    if (notify === 'opener') {
      if (channel.opener.valid) channel.opener.endpoint.dispatchOnDisconnect(channel.openerPort, error);
      return;
    }
    for (const receiver of receivers) {
      if (receiver.valid) receiver.endpoint.dispatchOnDisconnect(channel.receiverPort, error);
    }
  }

  private keepWorkerAlive(channel: Channel, extension: Extension): void {
    if (extension.serviceWorkerState === 'running') channel.keepalives.push(extension.serviceWorkerLifetime.startRequest());
  }

  private releaseKeepalives(channel: Channel): void {
    for (const finish of channel.keepalives.splice(0)) finish();
  }

  private mayConnect(source: ScriptContext, target: Extension): boolean {
    if (source.extension === target) return true;
    const connectable = target.parsed.externallyConnectable;
    if (source.extension) return connectable.allowsExtension(source.extension.id);
    return source.document !== undefined && connectable.allowsUrl(source.document.url);
  }

  private track(context: ScriptContext, channel: Channel): void {
    let channels = this.#channelsOf.get(context);
    if (!channels) this.#channelsOf.set(context, (channels = new Set()));
    channels.add(channel);
  }

  /** A context's set stays, empty or not, until the context is gone: contexts open channel after channel. */
  private untrack(context: ScriptContext, channel: Channel): void {
    this.#channelsOf.get(context)?.delete(channel);
  }
}

/** messaging_util::GetEventForChannel: internal traffic gets onMessage/onConnect, the rest *External. */
function eventFor(channelType: ChannelType, internal: boolean): MessagingEventName {
  if (channelType === 'sendMessage') return internal ? 'runtime.onMessage' : 'runtime.onMessageExternal';
  return internal ? 'runtime.onConnect' : 'runtime.onConnectExternal';
}
