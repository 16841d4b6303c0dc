import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as errors from '../src/core/errors.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, rejection, sw, thrown, web, withCallback } from './support.ts';

describe('cross-extension messaging', () => {
  it('another extension\'s message arrives on onMessageExternal, not onMessage', async () => {
    const { browser } = fixture();
    const target = browser.installExtension({ manifest: mv3() });
    const caller = browser.installExtension({ manifest: mv3() });
    const seen: string[] = [];
    sw(target).runtime.onMessage.addListener(() => void seen.push('internal'));
    sw(target).runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
      seen.push(`external from ${sender.id}`);
      sendResponse({ got: message });
    });
    assert.deepEqual(await sw(caller).runtime.sendMessage(target.id, 'hi'), { got: 'hi' });
    assert.deepEqual(seen, [`external from ${caller.id}`]);
  });

  it('without externally_connectable every extension may connect', async () => {
    const { browser } = fixture();
    const target = browser.installExtension({ manifest: mv3() });
    const caller = browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
    const names: string[] = [];
    sw(target).runtime.onConnectExternal.addListener((port) => void names.push(port.name));
    const tab = browser.openTab('https://example.com/');
    cs(tab.mainFrame, caller).runtime.connect(target.id, { name: 'from a content script' });
    await browser.idle();
    assert.deepEqual(names, ['from a content script']);
  });

  it('externally_connectable.ids admits the listed ids; "*" admits all; a denial looks like no receiver', async () => {
    const { browser } = fixture();
    const friend = browser.installExtension({ manifest: mv3() });
    const stranger = browser.installExtension({ manifest: mv3() });
    const picky = browser.installExtension({ manifest: mv3({ externally_connectable: { ids: [friend.id] } }) });
    const open = browser.installExtension({ manifest: mv3({ externally_connectable: { ids: ['*'] } }) });
    for (const target of [picky, open]) sw(target).runtime.onMessageExternal.addListener((_m, _s, reply) => void reply('yes'));
    assert.equal(await sw(friend).runtime.sendMessage(picky.id, 'q'), 'yes');
    assert.equal((await rejection(sw(stranger).runtime.sendMessage(picky.id, 'q'))).message, errors.RECEIVING_END_DOES_NOT_EXIST);
    assert.equal(await sw(stranger).runtime.sendMessage(open.id, 'q'), 'yes');
  });

  it('an id that is not installed gives "Receiving end does not exist."; a malformed id throws', async () => {
    const { browser } = fixture();
    const caller = sw(browser.installExtension({ manifest: mv3() }));
    assert.equal((await rejection(caller.runtime.sendMessage('a'.repeat(32), 'q'))).message, errors.RECEIVING_END_DOES_NOT_EXIST);
    assert.match(thrown(() => caller.runtime.sendMessage('hello', { a: 1 })).message, /Invalid extension id: 'hello'$/);
  });
});

describe('web pages through externally_connectable', () => {
  const pageManifest = mv3({ externally_connectable: { matches: ['https://*.editor.test/*'] } });

  it('a covered page gets chrome.runtime.sendMessage and connect; another page gets no chrome.runtime', () => {
    const { browser } = fixture();
    browser.installExtension({ manifest: pageManifest });
    const covered = web(browser.openTab('https://app.editor.test/doc').mainFrame);
    assert.equal(typeof covered.runtime.sendMessage, 'function');
    assert.equal(typeof covered.runtime.connect, 'function');
    assert.equal('onMessage' in covered.runtime, false);
    const other = web(browser.openTab('https://elsewhere.test/').mainFrame);
    assert.equal(other.runtime, undefined);
  });

  it('the web page editor example: a page asks the extension to open a URL', async () => {
    const { browser } = fixture();
    const editor = browser.installExtension({ manifest: pageManifest });
    const opened: string[] = [];
    sw(editor).runtime.onMessageExternal.addListener((request: { openUrlInEditor?: string }, sender, sendResponse) => {
      if (request.openUrlInEditor) opened.push(`${request.openUrlInEditor} from ${sender.url}`);
      sendResponse({ success: true });
    });
    const pageChrome = web(browser.openTab('https://app.editor.test/doc').mainFrame);
    const response = await pageChrome.runtime.sendMessage(editor.id, { openUrlInEditor: 'https://example.com/file' });
    assert.deepEqual(response, { success: true });
    assert.deepEqual(opened, ['https://example.com/file from https://app.editor.test/doc']);
  });

  it('a web page must name the extension id', () => {
    const { browser } = fixture();
    browser.installExtension({ manifest: pageManifest });
    const pageChrome = web(browser.openTab('https://app.editor.test/').mainFrame);
    const error = thrown(() => pageChrome.runtime.sendMessage({ a: 1 }));
    assert.equal(error.constructor, TypeError);
    assert.match(error.message, /chrome\.runtime\.sendMessage\(\) called from a webpage must specify an Extension ID \(string\) for its first argument\.$/);
  });

  it('a page an extension does not list is denied exactly like a missing receiver', async () => {
    const { browser } = fixture();
    const editor = browser.installExtension({ manifest: pageManifest });
    const other = browser.installExtension({ manifest: mv3({ externally_connectable: { matches: ['https://other.test/*'] } }) });
    sw(editor).runtime.onMessageExternal.addListener((_m, _s, reply) => void reply('yes'));
    sw(other).runtime.onMessageExternal.addListener((_m, _s, reply) => void reply('yes'));
    const pageChrome = web(browser.openTab('https://other.test/').mainFrame);
    assert.equal((await rejection(pageChrome.runtime.sendMessage(editor.id, 'q'))).message, errors.RECEIVING_END_DOES_NOT_EXIST);
    assert.equal(await pageChrome.runtime.sendMessage(other.id, 'q'), 'yes');
  });

  it('without externally_connectable no web page can connect', () => {
    const { browser } = fixture();
    browser.installExtension({ manifest: mv3() });
    assert.equal(web(browser.openTab('https://example.com/').mainFrame).runtime, undefined);
  });
});

describe('onMessageExternal in Chromium 156', () => {
  it('a returned Promise answers the other extension, and a thrown Error rejects it with its message', async () => {
    const { browser } = fixture();
    const target = browser.installExtension({ manifest: mv3() });
    const caller = browser.installExtension({ manifest: mv3() });
    sw(target).runtime.onMessageExternal.addListener((message) => {
      if (message === 'throw') throw new Error('extthrow');
      return Promise.resolve(`promised ${String(message)}`);
    });
    assert.equal(await sw(caller).runtime.sendMessage(target.id, 'x'), 'promised x');
    assert.equal((await rejection(sw(caller).runtime.sendMessage(target.id, 'throw'))).message, 'extthrow');
  });

  it('before Chrome 144 its listeners\' return values are ignored', async () => {
    const { browser } = fixture({ chromeVersion: 143 });
    const target = browser.installExtension({ manifest: mv3() });
    const caller = browser.installExtension({ manifest: mv3() });
    sw(target).runtime.onMessageExternal.addListener(() => Promise.resolve('ignored'));
    let settled = false;
    const pending = withCallback((cb) => sw(caller).runtime.sendMessage(target.id, 'x', cb), sw(caller)).finally(() => (settled = true));
    await browser.idle();
    assert.equal(settled, false, 'the port stays open: neither the Promise nor its return ended it');
    target.disable();
    assert.deepEqual(await pending, { args: [], lastError: errors.PORT_CLOSED_BEFORE_RESPONSE });
  });
});
