import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as errors from '../src/core/errors.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, page, rejection, sw, withCallback } from './support.ts';

function setup(options = {}) {
  const f = fixture(options);
  const extension = f.browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
  const tab = f.browser.openTab('https://example.com/');
  return { ...f, extension, tab, worker: sw(extension), content: cs(tab.mainFrame, extension) };
}

describe('one-time requests: who receives', () => {
  it('a content script message reaches the service worker and extension pages, never content scripts', async () => {
    const { browser, extension, tab, worker, content } = setup();
    const other = browser.openTab({ url: 'https://other.test/' });
    const optionsPage = extension.openPage('options.html');
    const seen: string[] = [];
    worker.runtime.onMessage.addListener(() => void seen.push('worker'));
    page(optionsPage.mainFrame.document.mainWorld).runtime.onMessage.addListener(() => void seen.push('page'));
    cs(other.mainFrame, extension).runtime.onMessage.addListener(() => void seen.push('other content script'));
    content.runtime.onMessage.addListener(() => void seen.push('sender'));
    await content.runtime.sendMessage({ hello: 1 });
    assert.deepEqual(seen.sort(), ['page', 'worker']);
    void tab;
  });

  it('runtime.sendMessage never reaches the sending context itself', async () => {
    const { extension, worker } = setup();
    const optionsPage = page(extension.openPage('options.html').mainFrame.document.mainWorld);
    const seen: string[] = [];
    worker.runtime.onMessage.addListener(() => void seen.push('worker'));
    optionsPage.runtime.onMessage.addListener(() => void seen.push('page'));
    await worker.runtime.sendMessage('from worker');
    assert.deepEqual(seen, ['page']);
  });

  it('tabs.sendMessage reaches the content scripts of every frame, or only the frame named', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/', { url: 'https://c.test/', frames: ['https://d.test/'] }] });
    const seen: number[] = [];
    for (const frame of tab.frames()) cs(frame, extension).runtime.onMessage.addListener(() => void seen.push(frame.frameId));
    await worker.tabs.sendMessage(tab.id, 'all');
    assert.deepEqual(seen.sort(), tab.frames().map((f) => f.frameId).sort());
    seen.length = 0;
    const target = tab.frames()[2]!;
    await worker.tabs.sendMessage(tab.id, 'one', { frameId: target.frameId });
    assert.deepEqual(seen, [target.frameId]);
    seen.length = 0;
    await worker.tabs.sendMessage(tab.id, 'doc', { documentId: tab.frames()[1]!.document.documentId });
    assert.deepEqual(seen, [tab.frames()[1]!.frameId]);
  });

  it('delivery is asynchronous: listeners never run inside the sending call', async () => {
    const { worker, content } = setup();
    let ran = false;
    worker.runtime.onMessage.addListener(() => void (ran = true));
    const pending = content.runtime.sendMessage('x');
    assert.equal(ran, false);
    await pending;
    assert.equal(ran, true);
  });
});

describe('one-time requests: responses', () => {
  it('the first sendResponse wins', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener((_m, _s, sendResponse) => {
      sendResponse('first');
      sendResponse('second');
    });
    worker.runtime.onMessage.addListener((_m, _s, sendResponse) => void sendResponse('third'));
    assert.equal(await content.runtime.sendMessage('q'), 'first');
  });

  it('sendResponse() with no argument delivers null', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener((_m, _s, sendResponse) => void sendResponse());
    assert.equal(await content.runtime.sendMessage('q'), null);
  });

  it('only a literal true keeps the channel open for a later sendResponse', async () => {
    const { worker, content } = setup();
    let respond: ((value: unknown) => void) | undefined;
    worker.runtime.onMessage.addListener((message, _s, sendResponse) => {
      if (message === 'true') {
        setTimeout(() => sendResponse('late'), 1);
        return true;
      }
      respond = sendResponse;
      return 1;
    });
    assert.equal(await content.runtime.sendMessage('true'), 'late');
    assert.equal(await content.runtime.sendMessage('truthy'), undefined);
    respond?.('too late');
  });

  it('a listener returning a Promise answers with its value', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener(async (message) => ({ echo: message }));
    assert.deepEqual(await content.runtime.sendMessage('hi'), { echo: 'hi' });
  });

  it('an async listener that returns nothing answers null', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener(async () => undefined);
    assert.equal(await content.runtime.sendMessage('hi'), null);
  });

  it('a listener that throws rejects the sender with the error\'s own message (Chromium 156)', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener((message) => {
      if (message === 'subclass') throw new RangeError('out of range');
      if (message === 'string') throw 'not an Error';
      if (message === 'number message') throw Object.assign(new Error('x'), { message: 42 });
      throw new Error('boom');
    });
    const boom = await rejection(content.runtime.sendMessage('hi'));
    assert.equal(boom.message, 'boom');
    assert.equal(boom.constructor, Error, 'the sender always gets a plain Error');
    assert.equal((await rejection(content.runtime.sendMessage('subclass'))).message, 'out of range');
    assert.equal((await rejection(content.runtime.sendMessage('string'))).message, errors.LISTENER_ERROR_UNPARSEABLE);
    assert.equal((await rejection(content.runtime.sendMessage('number message'))).message, errors.LISTENER_ERROR_UNPARSEABLE);
  });

  it('an Error with an empty message counts as no error: the sender resolves undefined', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener((message) => {
      if (message === 'reject') return Promise.reject(new Error(''));
      throw new Error('');
    });
    assert.equal(await content.runtime.sendMessage('throw'), undefined);
    assert.equal(await content.runtime.sendMessage('reject'), undefined);
    const result = await withCallback((cb) => content.runtime.sendMessage('throw', cb), content);
    assert.deepEqual(result, { args: [], lastError: errors.PORT_CLOSED_BEFORE_RESPONSE });
  });

  it('a rejected Promise rejects the sender; a non-Error reason gives Chrome\'s generic text', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener((message) =>
      message === 'error' ? Promise.reject(new TypeError('no')) : Promise.reject('just a string'),
    );
    assert.equal((await rejection(content.runtime.sendMessage('error'))).message, 'no');
    assert.equal((await rejection(content.runtime.sendMessage('string'))).message, errors.PROMISE_REJECTED_WITHOUT_ERROR);
  });

  it('with nobody answering, a promise resolves undefined and a callback gets "The message port closed…"', async () => {
    const { worker, content } = setup();
    worker.runtime.onMessage.addListener(() => undefined);
    assert.equal(await content.runtime.sendMessage('q'), undefined);
    const result = await withCallback((cb) => content.runtime.sendMessage('q', cb), content);
    assert.deepEqual(result, { args: [], lastError: errors.PORT_CLOSED_BEFORE_RESPONSE });
  });

  it('with no listener anywhere, the sender hears "Receiving end does not exist."', async () => {
    const { content } = setup();
    const error = await rejection(content.runtime.sendMessage('q'));
    assert.equal(error.message, errors.RECEIVING_END_DOES_NOT_EXIST);
    const result = await withCallback((cb) => content.runtime.sendMessage('q', cb), content);
    assert.deepEqual(result, { args: [], lastError: errors.RECEIVING_END_DOES_NOT_EXIST });
  });

  it('a receiver that promised an answer and then unloads gives the asynchronous-response error', async () => {
    const { browser, extension, worker } = setup();
    const tab = browser.openTab('https://example.com/x');
    cs(tab.mainFrame, extension).runtime.onMessage.addListener(() => true);
    const pending = worker.tabs.sendMessage(tab.id, 'q');
    await browser.idle();
    tab.navigate('https://example.com/elsewhere', { backForwardCache: false });
    assert.equal((await rejection(pending)).message, errors.CLOSED_WHILE_RESPONSE_PENDING);
  });

  it('lastError is set only while the callback runs', async () => {
    const { content } = setup();
    const result = await withCallback((cb) => content.runtime.sendMessage('q', cb), content);
    assert.equal(result.lastError, errors.RECEIVING_END_DOES_NOT_EXIST);
    assert.equal(content.runtime.lastError, undefined);
  });

  it('an unread lastError is reported to the console as "Unchecked runtime.lastError"', async () => {
    const { browser, content, console } = setup();
    content.runtime.sendMessage('q', () => undefined);
    await browser.idle();
    assert.deepEqual(
      console.map((entry) => entry.message.text),
      [errors.uncheckedLastError(errors.RECEIVING_END_DOES_NOT_EXIST)],
    );
  });
});

describe('one-time requests: the pre-144 era', () => {
  it('before Chrome 144 a returned Promise does not count as an answer', async () => {
    const { worker, content } = setup({ chromeVersion: 143 });
    worker.runtime.onMessage.addListener(async () => 'ignored');
    assert.equal(await content.runtime.sendMessage('q'), undefined);
  });

  it('before Chrome 144 a throwing listener does not reach the sender', async () => {
    const { worker, content } = setup({ chromeVersion: 143 });
    worker.runtime.onMessage.addListener(() => {
      throw new Error('boom');
    });
    assert.equal(await content.runtime.sendMessage('q'), undefined);
  });
});
