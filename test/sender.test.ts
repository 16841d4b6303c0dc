/**
 * MessageSender: built by the browser from what it knows of the source, with each field present or
 * absent per kind of context, in Chrome's key order. Expectations are what Chromium 156 showed
 * (conformance/sender-* run the same cases in real Chromium).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageSender } from '../src/index.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, page, sw, web } from './support.ts';

const FRAME_KEYS = ['id', 'url', 'origin', 'frameId', 'documentId', 'documentLifecycle', 'tab'];

function setup() {
  const { browser } = fixture();
  const extension = browser.installExtension({
    manifest: mv3({ ...CONTENT_SCRIPTS_EVERYWHERE, externally_connectable: { matches: ['https://site.test/*'] } }),
  });
  const received: MessageSender[] = [];
  const worker = sw(extension);
  worker.runtime.onMessage.addListener((_m, sender) => void received.push(sender));
  worker.runtime.onMessageExternal.addListener((_m, sender) => void received.push(sender));
  return { browser, extension, worker, received };
}

describe('MessageSender', () => {
  it('a content script in the main frame: id, url, origin, frameId 0, documentId, documentLifecycle, tab, in that order', async () => {
    const { browser, extension, received } = setup();
    const tab = browser.openTab('https://site.test/page#part');
    await cs(tab.mainFrame, extension).runtime.sendMessage('hi');
    const [sender] = received;
    assert.deepEqual(Object.keys(sender!), FRAME_KEYS);
    assert.equal(sender!.id, extension.id);
    assert.equal(sender!.url, 'https://site.test/page#part', 'the fragment is kept');
    assert.equal(sender!.origin, 'https://site.test');
    assert.equal(sender!.frameId, 0);
    assert.match(sender!.documentId!, /^[0-9A-F]{32}$/);
    assert.equal(sender!.documentId, tab.mainFrame.document.documentId);
    assert.equal(sender!.documentLifecycle, 'active');
    assert.equal(sender!.tab!.id, tab.id);
    assert.equal(sender!.tab!.url, 'https://site.test/page#part', 'unscrubbed: no tabs permission needed');
    assert.equal(sender!.tab!.favIconUrl, undefined);
  });

  it('a content script in a subframe names its own frame and document, and the top-level tab', async () => {
    const { browser, extension, received } = setup();
    const tab = browser.openTab({ url: 'https://site.test/', frames: ['https://other.test/inner'] });
    const child = tab.frames()[1]!;
    await cs(child, extension).runtime.sendMessage('hi');
    const [sender] = received;
    assert.equal(sender!.url, 'https://other.test/inner');
    assert.equal(sender!.origin, 'https://other.test');
    assert.equal(sender!.frameId, child.frameId);
    assert.ok(sender!.frameId! > 0);
    assert.equal(sender!.documentId, child.document.documentId);
    assert.equal(sender!.tab!.url, 'https://site.test/');
  });

  it('the service worker: id and its script URL only, no origin', async () => {
    const { extension, received } = setup();
    const pageContext = extension.openPage('page.html').mainFrame.document.mainWorld;
    const got: MessageSender[] = [];
    page(pageContext).runtime.onMessage.addListener((_m, sender) => void got.push(sender));
    await sw(extension).runtime.sendMessage('hi');
    assert.deepEqual(got, [{ id: extension.id, url: `chrome-extension://${extension.id}/sw.js` }]);
    assert.equal(received.length, 0);
  });

  it('an extension page in a tab is described like a frame, and its tab reports favIconUrl ""', async () => {
    const { extension, received } = setup();
    const tab = extension.openPage('page.html');
    await page(tab.mainFrame.document.mainWorld).runtime.sendMessage('hi');
    const [sender] = received;
    assert.deepEqual(Object.keys(sender!), FRAME_KEYS);
    assert.equal(sender!.origin, `chrome-extension://${extension.id}`);
    assert.equal(sender!.tab!.favIconUrl, '');
  });

  it('tabs.sendMessage: id, url and origin of the sender, never its tab or frame', async () => {
    const { browser, extension } = setup();
    const tab = browser.openTab('https://site.test/');
    const got: MessageSender[] = [];
    cs(tab.mainFrame, extension).runtime.onMessage.addListener((_m, sender) => void got.push(sender));
    await sw(extension).tabs.sendMessage(tab.id, 'from the worker');
    const extensionPage = extension.openPage('page.html#top');
    await page(extensionPage.mainFrame.document.mainWorld).tabs.sendMessage(tab.id, 'from a page');
    const origin = `chrome-extension://${extension.id}`;
    assert.deepEqual(got, [
      { id: extension.id, url: `${origin}/sw.js`, origin },
      { id: extension.id, url: `${origin}/page.html#top`, origin },
    ]);
  });

  it('a web page covered by externally_connectable: no id, the rest as for a frame', async () => {
    const { browser, extension, received } = setup();
    const tab = browser.openTab('https://site.test/app');
    await web(tab.mainFrame).runtime.sendMessage(extension.id, 'hi');
    const [sender] = received;
    assert.deepEqual(Object.keys(sender!), FRAME_KEYS.slice(1));
    assert.equal(sender!.url, 'https://site.test/app');
  });

  it('another extension\'s service worker: its id and script URL', async () => {
    const { browser } = fixture();
    // Without externally_connectable every extension may connect (setup()'s extension lists pages only).
    const target = browser.installExtension({ manifest: mv3() });
    const other = browser.installExtension({ manifest: mv3() });
    const received: MessageSender[] = [];
    sw(target).runtime.onMessageExternal.addListener((_m, sender) => void received.push(sender));
    await sw(other).runtime.sendMessage(target.id, 'hi');
    assert.deepEqual(received, [{ id: other.id, url: `chrome-extension://${other.id}/sw.js` }]);
  });

  it('a port handed to onConnect carries the same sender; the opener\'s port has sender undefined, as an own key', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab('https://site.test/');
    const ports: { sender: MessageSender | undefined; keys: string[] }[] = [];
    worker.runtime.onConnect.addListener((port) => void ports.push({ sender: port.sender, keys: Object.keys(port) }));
    const opener = cs(tab.mainFrame, extension).runtime.connect({ name: 'p' });
    await browser.idle();
    const portKeys = ['sender', 'onMessage', 'onDisconnect', 'name', 'disconnect', 'postMessage'];
    assert.deepEqual(Object.keys(opener), portKeys);
    assert.equal(opener.sender, undefined);
    assert.deepEqual(ports[0]!.keys, portKeys);
    assert.deepEqual(Object.keys(ports[0]!.sender!), FRAME_KEYS);
  });

  it('a sender cannot be forged: each receiver gets the browser\'s own, in its own copy', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab('https://site.test/');
    const senders: MessageSender[] = [];
    worker.runtime.onMessage.addListener((_m, sender) => {
      senders.push(sender);
      (sender as { id?: string }).id = 'tampered';
    });
    const optionsPage = extension.openPage('options.html').mainFrame.document.mainWorld;
    page(optionsPage).runtime.onMessage.addListener((_m, sender) => void senders.push(sender));
    await cs(tab.mainFrame, extension).runtime.sendMessage({ id: 'forged', url: 'https://bank.test/' });
    assert.equal(senders.length, 2);
    const fromPage = senders.find((s) => s.id !== 'tampered')!;
    assert.equal(fromPage.id, extension.id);
    assert.equal(fromPage.url, 'https://site.test/');
  });
});
