import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Port } from '../src/api/port.ts';
import * as errors from '../src/core/errors.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, sw, thrown } from './support.ts';

function setup(options = {}) {
  const f = fixture(options);
  const extension = f.browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
  return { ...f, extension, worker: sw(extension) };
}

/** Records what each port observes. */
function watch(port: Port, log: string[], label: string, lastErrorOf?: () => string | undefined): void {
  port.onMessage.addListener((message) => void log.push(`${label} got ${JSON.stringify(message)}`));
  port.onDisconnect.addListener(() => void log.push(`${label} disconnected${lastErrorOf?.() ? `: ${lastErrorOf()}` : ''}`));
}

describe('long-lived connections', () => {
  it('the knock-knock conversation from the docs runs in order', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab('https://example.com/');
    const content = cs(tab.mainFrame, extension);
    const heard: unknown[] = [];
    worker.runtime.onConnect.addListener((port) => {
      assert.equal(port.name, 'knockknock');
      port.onMessage.addListener((msg: { joke?: string; answer?: string }) => {
        if (msg.joke === 'Knock knock') port.postMessage({ question: "Who's there?" });
        else if (msg.answer === 'Madame') port.postMessage({ question: 'Madame who?' });
        else if (msg.answer === 'Madame... Bovary') port.postMessage({ question: "I don't get it." });
      });
    });
    const port = content.runtime.connect({ name: 'knockknock' });
    port.postMessage({ joke: 'Knock knock' });
    port.onMessage.addListener((msg: { question: string }) => {
      heard.push(msg.question);
      if (msg.question === "Who's there?") port.postMessage({ answer: 'Madame' });
      else if (msg.question === 'Madame who?') port.postMessage({ answer: 'Madame... Bovary' });
    });
    await browser.idle();
    assert.deepEqual(heard, ["Who's there?", 'Madame who?', "I don't get it."]);
  });

  it('tabs.connect to a tab with N frames opens N receiver ports; the opener reaches all, each receiver only the opener', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/', 'https://c.test/'] });
    const log: string[] = [];
    const receivers: Port[] = [];
    for (const frame of tab.frames()) {
      cs(frame, extension).runtime.onConnect.addListener((port) => {
        receivers.push(port);
        port.onMessage.addListener((m) => void log.push(`frame ${frame.frameId} got ${String(m)}`));
      });
    }
    const opener = worker.tabs.connect(tab.id, { name: 'fan-out' });
    opener.onMessage.addListener((m) => void log.push(`opener got ${String(m)}`));
    opener.postMessage('hello');
    await browser.idle();
    assert.equal(receivers.length, 3);
    receivers[1]!.postMessage('from one receiver');
    await browser.idle();
    assert.deepEqual(log.sort(), [
      `frame ${tab.frames()[0]!.frameId} got hello`,
      `frame ${tab.frames()[1]!.frameId} got hello`,
      `frame ${tab.frames()[2]!.frameId} got hello`,
      'opener got from one receiver',
    ].sort());
  });

  it('with no onConnect listener at the other end, the opener disconnects with "Receiving end does not exist."', async () => {
    const { browser, extension } = setup();
    const tab = browser.openTab('https://example.com/');
    const content = cs(tab.mainFrame, extension);
    const port = content.runtime.connect();
    const log: string[] = [];
    watch(port, log, 'opener', () => content.runtime.lastError?.message);
    await browser.idle();
    assert.deepEqual(log, [`opener disconnected: ${errors.RECEIVING_END_DOES_NOT_EXIST}`]);
  });

  it('one receiver\'s disconnect() notifies only the opener; the other receivers\' messages are dropped', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const receivers: Port[] = [];
    const log: string[] = [];
    for (const frame of tab.frames()) {
      cs(frame, extension).runtime.onConnect.addListener((port) => {
        receivers.push(port);
        watch(port, log, `frame ${frame.frameId}`);
      });
    }
    const opener = worker.tabs.connect(tab.id);
    watch(opener, log, 'opener', () => worker.runtime.lastError?.message);
    await browser.idle();
    receivers[0]!.disconnect();
    await browser.idle();
    receivers[1]!.postMessage('into the void');
    await browser.idle();
    assert.deepEqual(log, ['opener disconnected']);
    assert.equal(thrown(() => opener.postMessage('x')).message, errors.DISCONNECTED_PORT);
  });

  it('the opener\'s disconnect() notifies every receiver and never the opener', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const log: string[] = [];
    for (const frame of tab.frames()) {
      cs(frame, extension).runtime.onConnect.addListener((port) => watch(port, log, `frame ${frame.frameId}`));
    }
    const opener = worker.tabs.connect(tab.id);
    watch(opener, log, 'opener');
    await browser.idle();
    opener.disconnect();
    await browser.idle();
    assert.deepEqual(log.sort(), tab.frames().map((f) => `frame ${f.frameId} disconnected`).sort());
  });

  it('postMessage on a disconnected port throws "Attempting to use a disconnected port object"', async () => {
    const { browser, extension, worker } = setup();
    worker.runtime.onConnect.addListener(() => undefined);
    const tab = browser.openTab('https://example.com/');
    const port = cs(tab.mainFrame, extension).runtime.connect();
    port.disconnect();
    const error = thrown(() => port.postMessage('x'));
    assert.equal(error.constructor, Error);
    assert.equal(error.message, errors.DISCONNECTED_PORT);
    assert.deepEqual(Object.keys(error), ['message'], 'the bindings\' errors have an own enumerable message');
    assert.doesNotThrow(() => port.disconnect(), 'a second disconnect() is a no-op');
  });

  it('postMessage() without a message throws TypeError "Insufficient number of arguments."', async () => {
    const { browser, extension } = setup();
    const tab = browser.openTab('https://example.com/');
    const port = cs(tab.mainFrame, extension).runtime.connect();
    const error = thrown(() => (port.postMessage as () => void)());
    assert.equal(error.constructor, TypeError);
    assert.equal(error.message, errors.INSUFFICIENT_ARGUMENTS);
  });

  it('messages posted before the other end exists are queued and arrive in order', async () => {
    const { browser, extension, worker } = setup();
    const got: unknown[] = [];
    worker.runtime.onConnect.addListener((port) => port.onMessage.addListener((m) => void got.push(m)));
    const tab = browser.openTab('https://example.com/');
    const port = cs(tab.mainFrame, extension).runtime.connect();
    for (let i = 0; i < 5; i++) port.postMessage(i);
    await browser.idle();
    assert.deepEqual(got, [0, 1, 2, 3, 4]);
  });

  it('a message posted just before disconnect() still arrives, then onDisconnect', async () => {
    const { browser, extension, worker } = setup();
    const log: string[] = [];
    worker.runtime.onConnect.addListener((port) => watch(port, log, 'worker'));
    const tab = browser.openTab('https://example.com/');
    const port = cs(tab.mainFrame, extension).runtime.connect();
    await browser.idle();
    port.postMessage('last words');
    port.disconnect();
    await browser.idle();
    assert.deepEqual(log, ['worker got "last words"', 'worker disconnected']);
  });
});

describe('port lifetime across navigation, unload and the back/forward cache', () => {
  it('navigating the tab disconnects its content script ports with no lastError', async () => {
    const { browser, extension, worker } = setup();
    const log: string[] = [];
    worker.runtime.onConnect.addListener((port) => watch(port, log, 'worker', () => worker.runtime.lastError?.message));
    const tab = browser.openTab('https://example.com/');
    cs(tab.mainFrame, extension).runtime.connect();
    await browser.idle();
    tab.navigate('https://example.com/next', { backForwardCache: false });
    await browser.idle();
    assert.deepEqual(log, ['worker disconnected']);
  });

  it('a fragment-only navigation keeps the port', async () => {
    const { browser, extension, worker } = setup();
    const log: string[] = [];
    worker.runtime.onConnect.addListener((port) => watch(port, log, 'worker'));
    const tab = browser.openTab('https://example.com/');
    cs(tab.mainFrame, extension).runtime.connect();
    await browser.idle();
    tab.navigate('https://example.com/#section');
    await browser.idle();
    assert.deepEqual(log, []);
  });

  it('a page entering the back/forward cache closes its ports with Chrome\'s bfcache error', async () => {
    const { browser, extension, worker } = setup();
    const log: string[] = [];
    worker.runtime.onConnect.addListener((port) => watch(port, log, 'worker', () => worker.runtime.lastError?.message));
    const tab = browser.openTab('https://example.com/');
    cs(tab.mainFrame, extension).runtime.connect();
    await browser.idle();
    tab.navigate('https://example.com/next');
    await browser.idle();
    assert.deepEqual(log, [`worker disconnected: ${errors.CLOSED_WHEN_PAGE_ENTERS_BFCACHE}`]);
    assert.equal(tab.mainFrame.document.lifecycle, 'active');
    tab.goBack();
    assert.equal(tab.url, 'https://example.com/');
    assert.equal(tab.mainFrame.contentScript(extension)?.valid, true);
  });

  it('all receiving frames unloading disconnects the opener; one of several does not', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/', 'https://c.test/'] });
    for (const frame of tab.frames()) cs(frame, extension).runtime.onConnect.addListener(() => undefined);
    const log: string[] = [];
    const opener = worker.tabs.connect(tab.id);
    watch(opener, log, 'opener');
    await browser.idle();
    tab.frames()[1]!.remove();
    await browser.idle();
    assert.deepEqual(log, []);
    tab.close();
    await browser.idle();
    assert.deepEqual(log, ['opener disconnected']);
  });

  it('the opener\'s frame unloading disconnects the receivers', async () => {
    const { browser, extension, worker } = setup();
    const log: string[] = [];
    worker.runtime.onConnect.addListener((port) => watch(port, log, 'worker'));
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    cs(tab.frames()[1]!, extension).runtime.connect();
    await browser.idle();
    tab.frames()[1]!.navigate('https://elsewhere.test/');
    await browser.idle();
    assert.deepEqual(log, ['worker disconnected']);
  });
});
