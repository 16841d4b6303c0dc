import type { ContextMessaging } from './messaging.ts';
import { serializeForCall } from './invocation.ts';
import { TABS_CONNECT, TABS_SEND_MESSAGE } from './messaging-arguments.ts';
import type { Port } from './port.ts';
import { assertContextValid } from './runtime.ts';

type Callback = (...args: unknown[]) => void;

interface TabTargetOptions {
  frameId?: number;
  documentId?: string;
}

/** The messaging part of chrome.tabs: sendMessage and connect towards a tab's content scripts. */
export interface Tabs {
  sendMessage(...args: unknown[]): Promise<unknown> | undefined;
  connect(...args: unknown[]): Port;
}

/** tabs_hooks_delegate.cc: the plain schema applies, no argument massaging. */
export function createTabs(messaging: ContextMessaging): Tabs {
  return {
    sendMessage(...args: unknown[]): Promise<unknown> | undefined {
      assertContextValid(messaging);
      const [tabId, message, options, callback] = TABS_SEND_MESSAGE.parse(args, messaging.realm);
      const serialized = serializeForCall(messaging, TABS_SEND_MESSAGE, message);
      const target = { tabId: tabId as number, ...pickTarget(options as TabTargetOptions | undefined) };
      const portId = messaging.service.openChannelToTab(messaging.context, target, { channelType: 'sendMessage', channelName: '', message: serialized });
      return messaging.sendOneTime(portId, callback as Callback | undefined);
    },
    connect(...args: unknown[]): Port {
      assertContextValid(messaging);
      const [tabId, connectInfo] = TABS_CONNECT.parse(args, messaging.realm);
      const info = connectInfo as (TabTargetOptions & { name?: string }) | undefined;
      const name = info?.name ?? '';
      const target = { tabId: tabId as number, ...pickTarget(info) };
      const portId = messaging.service.openChannelToTab(messaging.context, target, { channelType: 'connect', channelName: name });
      return messaging.openerPort(portId, name);
    },
  };
}

function pickTarget(options: TabTargetOptions | undefined): TabTargetOptions {
  const target: TabTargetOptions = {};
  if (options?.frameId !== undefined && options.frameId !== null) target.frameId = options.frameId;
  if (options?.documentId !== undefined && options.documentId !== null) target.documentId = options.documentId;
  return target;
}
