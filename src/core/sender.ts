import type { ScriptContext } from './context.ts';
import type { DocumentLifecycle } from './document.ts';
import type { Extension } from './extension.ts';
import type { TabInfo } from './tab.ts';

/** runtime.MessageSender: built by the browser from what it knows of the source, never by the sender. */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  documentId?: string;
  documentLifecycle?: DocumentLifecycle;
  tab?: TabInfo;
  tlsChannelId?: string;
  nativeApplication?: string;
}

/** How the channel was opened: runtime.* towards an extension, or tabs.* towards a tab. */
export type ChannelTarget = 'extension' | 'tab';

/**
 * MessageService::OpenChannelToExtension / OpenChannelToTabImpl and
 * ExtensionMessagePort::DispatchOnConnect: which fields a receiver sees, by source kind.
 * Fields that do not apply are absent, not undefined.
 */
export function buildSender(source: ScriptContext, target: ChannelTarget, receiver: Extension): MessageSender {
  // Chrome fills the fields in this order, and the order shows in Object.keys and JSON.stringify.
  const sender: MessageSender = {};
  if (source.extension) sender.id = source.extension.id;
  const document = source.document;
  // The context URL, fragment included; for a service worker its script URL (observed in Chromium 156,
  // for tabs.* channels too).
  sender.url = source.url;
  if (document) {
    sender.origin = document.origin;
  } else if (target === 'tab' && source.extension) {
    sender.origin = `chrome-extension://${source.extension.id}`;
  }
  // tabs.* channels never describe the sending frame, even an extension page in a tab; nor does a
  // popup's or an offscreen document's sender (observed in Chromium 156: id, url and origin only).
  if (target === 'extension' && document && !document.frame.tab.view) {
    const frame = document.frame;
    sender.frameId = frame.frameId;
    sender.documentId = document.documentId;
    sender.documentLifecycle = document.lifecycle;
    sender.tab = frame.tab.info();
  }
  if (receiver.parsed.externallyConnectable?.acceptsTlsChannelId) sender.tlsChannelId = '';
  return sender;
}
