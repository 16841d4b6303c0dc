import type { ScriptContext } from './context.ts';
import type { DocumentLifecycle } from './document.ts';
import type { Extension } from './extension.ts';
import type { TabInfo } from './tab.ts';

/** runtime.MessageSender: built by the browser from what it knows of the source, never by the sender. */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: TabInfo;
  frameId?: number;
  documentId?: string;
  documentLifecycle?: DocumentLifecycle;
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
  const sender: MessageSender = {};
  if (source.extension) sender.id = source.extension.id;
  const document = source.document;
  // tabs.* channels carry no source URL ("doesn't make sense for opening to tabs").
  if (target === 'extension') sender.url = source.url;
  if (document) {
    sender.origin = document.origin;
  } else if (target === 'tab' && source.extension) {
    sender.origin = `chrome-extension://${source.extension.id}`;
  }
  if (target === 'extension' && document) {
    const frame = document.frame;
    sender.tab = frame.tab.info();
    sender.frameId = frame.frameId;
    sender.documentId = document.documentId;
    sender.documentLifecycle = document.lifecycle;
  }
  if (receiver.parsed.externallyConnectable?.acceptsTlsChannelId) sender.tlsChannelId = '';
  return sender;
}
