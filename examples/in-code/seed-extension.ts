/**
 * The seed document's examples as one extension: the greeting (one-time request from a content
 * script), the knock-knock joke (a long-lived connection), and the web page editor
 * (externally_connectable). `trace` records what each context sent and received.
 */
import type { ContentScriptChrome, ExtensionChrome, WebPageChrome } from '../../src/api/chrome.ts';
import type { Browser, ContextScope, Extension } from '../../src/index.ts';

export interface TraceLine {
  readonly context: string;
  readonly event: string;
  readonly detail: unknown;
}

export function installSeedExtension(browser: Browser, trace: TraceLine[]): Extension {
  const note = (context: string, event: string, detail: unknown): void => void trace.push({ context, event, detail });

  const serviceWorker = ({ chrome }: ContextScope): void => {
    const { runtime } = chrome as ExtensionChrome;
    runtime.onMessage.addListener((request: { greeting?: string }, sender, sendResponse) => {
      note('service worker', 'onMessage', { request, from: sender.tab ? `content script in ${sender.tab.url}` : 'the extension' });
      if (request.greeting === 'hello') sendResponse({ farewell: 'goodbye' });
    });
    runtime.onConnect.addListener((port) => {
      note('service worker', 'onConnect', { name: port.name });
      port.onMessage.addListener((msg: { joke?: string; answer?: string }) => {
        note('service worker', 'port message', msg);
        if (msg.joke === 'Knock knock') port.postMessage({ question: "Who's there?" });
        else if (msg.answer === 'Madame') port.postMessage({ question: 'Madame who?' });
        else if (msg.answer === 'Madame... Bovary') port.postMessage({ question: "I don't get it." });
      });
    });
    runtime.onMessageExternal.addListener((request: { openUrlInEditor?: string }, sender, sendResponse) => {
      note('service worker', 'onMessageExternal', { request, from: sender.url });
      sendResponse({ success: Boolean(request.openUrlInEditor) });
    });
  };

  const contentScript = async ({ chrome }: ContextScope): Promise<void> => {
    const { runtime } = chrome as ContentScriptChrome;
    note('content script', 'sendMessage', { greeting: 'hello' });
    const response = await runtime.sendMessage({ greeting: 'hello' });
    note('content script', 'response', response);
    const port = runtime.connect({ name: 'knockknock' });
    port.postMessage({ joke: 'Knock knock' });
    port.onMessage.addListener((msg: { question: string }) => {
      note('content script', 'port message', msg);
      if (msg.question === "Who's there?") port.postMessage({ answer: 'Madame' });
      else if (msg.question === 'Madame who?') port.postMessage({ answer: 'Madame... Bovary' });
    });
  };

  return browser.installExtension({
    manifest: {
      manifest_version: 3,
      name: 'Seed examples',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://example.com/*'], js: ['content.js'] }],
      externally_connectable: { matches: ['https://editor.example.net/*'] },
    },
    scripts: { 'background.js': serviceWorker, 'content.js': contentScript },
  });
}

/** The web page side of the editor example: a page that asks the extension to open a URL. */
export async function runEditorPage(browser: Browser, extension: Extension, trace: TraceLine[]): Promise<void> {
  const tab = browser.openTab('https://editor.example.net/open');
  const { runtime } = tab.mainFrame.document.mainWorld.chrome as WebPageChrome;
  const request = { openUrlInEditor: 'https://example.com/notes.txt' };
  trace.push({ context: 'web page', event: 'sendMessage', detail: request });
  const response = await runtime.sendMessage(extension.id, request);
  trace.push({ context: 'web page', event: 'response', detail: response });
}
