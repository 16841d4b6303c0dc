import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as errors from '../src/core/errors.ts';
import { HOST_REALM } from '../src/api/realm.ts';
import { MAX_MESSAGE_BYTES, serializeMessage } from '../src/core/serialization.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, page, sw, thrown } from './support.ts';

function setup(options = {}) {
  const f = fixture(options);
  const extension = f.browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
  const tab = f.browser.openTab('https://example.com/');
  return { ...f, extension, tab, worker: sw(extension), content: cs(tab.mainFrame, extension) };
}

async function roundTrip(value: unknown): Promise<{ received: unknown; response: unknown }> {
  const { worker, content } = setup();
  let received: unknown;
  worker.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    received = message;
    sendResponse(value);
  });
  const response = await content.runtime.sendMessage(value);
  return { received, response };
}

describe('serialization: messages cross as JSON', () => {
  it('undefined at the top becomes null; inside objects it is dropped, inside arrays it is null', async () => {
    assert.deepEqual(await roundTrip(undefined), { received: null, response: null });
    const { received } = await roundTrip({ a: undefined, list: [undefined, () => 1], keep: 1 });
    assert.deepEqual(received, { list: [null, null], keep: 1 });
  });

  it('NaN and Infinity become null, -0 becomes 0, Dates become ISO strings, Maps become {}', async () => {
    const { received } = await roundTrip({ n: NaN, i: Infinity, z: -0, d: new Date(0), m: new Map([[1, 2]]), t: new Uint8Array([1, 2]) });
    assert.deepEqual(received, { n: null, i: null, z: 0, d: '1970-01-01T00:00:00.000Z', m: {}, t: { 0: 1, 1: 2 } });
    assert.ok(Object.is((received as { z: number }).z, 0));
  });

  it('no object is shared by reference: each receiver gets its own copy', async () => {
    const { browser, extension, worker, content } = setup();
    const optionsPage = extension.openPage('o.html').mainFrame.document.mainWorld.chrome as typeof worker;
    const copies: unknown[] = [];
    worker.runtime.onMessage.addListener((m) => void copies.push(m));
    optionsPage.runtime.onMessage.addListener((m) => void copies.push(m));
    const original = { nested: { value: 1 } };
    await content.runtime.sendMessage(original);
    await browser.idle();
    assert.equal(copies.length, 2);
    assert.notEqual(copies[0], original);
    assert.notEqual(copies[0], copies[1]);
    assert.deepEqual(copies[0], original);
  });

  it('a value JSON cannot carry throws "Could not serialize message." synchronously', () => {
    const { content } = setup();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [cyclic, { big: 10n }, () => 1, Symbol('s')]) {
      const error = thrown(() => content.runtime.sendMessage(value));
      assert.equal(error.constructor, TypeError);
      assert.equal(
        error.message,
        errors.invocationError(
          'runtime.sendMessage',
          'optional string extensionId, any message, optional object options, optional function callback',
          errors.COULD_NOT_SERIALIZE,
        ),
      );
    }
  });

  it('port.postMessage of an unserializable value throws a plain Error without the invocation prefix', async () => {
    const { worker, content } = setup();
    worker.runtime.onConnect.addListener(() => undefined);
    const port = content.runtime.connect();
    const error = thrown(() => port.postMessage({ big: 1n }));
    assert.equal(error.constructor, Error);
    assert.equal(error.message, errors.COULD_NOT_SERIALIZE);
  });

  it('an unserializable sendResponse throws in the listener and rejects the sender (M144+)', async () => {
    const { worker, content } = setup();
    let inListener: Error | undefined;
    worker.runtime.onMessage.addListener((_m, _s, sendResponse) => {
      inListener = thrown(() => sendResponse({ big: 1n }));
    });
    await assert.rejects(content.runtime.sendMessage('q') as Promise<unknown>, { message: errors.COULD_NOT_SERIALIZE });
    assert.equal(inListener?.constructor, TypeError);
    assert.equal(inListener?.message, errors.COULD_NOT_SERIALIZE);
  });

  it('the limit is 64 MiB of UTF-8 JSON, checked strictly, as text and as a snapshot', () => {
    const exactly = 'x'.repeat(MAX_MESSAGE_BYTES - 2);
    const asText = serializeMessage(exactly);
    assert.equal(asText.kind === 'text' && asText.text.length, MAX_MESSAGE_BYTES);
    assert.throws(() => serializeMessage(exactly + 'x'), { message: errors.MESSAGE_TOO_LARGE });
    // Multi-byte characters count by their UTF-8 length.
    assert.throws(() => serializeMessage('é'.repeat(MAX_MESSAGE_BYTES / 2)), { message: errors.MESSAGE_TOO_LARGE });
    const snapshotter = HOST_REALM.jsonCloner;
    assert.deepEqual(serializeMessage(exactly, { snapshotter }), { kind: 'data', data: exactly });
    assert.throws(() => serializeMessage(exactly + 'x', { snapshotter }), { message: errors.MESSAGE_TOO_LARGE });
    assert.throws(() => serializeMessage('é'.repeat(MAX_MESSAGE_BYTES / 2), { snapshotter }), { message: errors.MESSAGE_TOO_LARGE });
    // Escapes count: a control character is six bytes of JSON (\u0001), a quote two.
    assert.throws(() => serializeMessage(['\u0001'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 6))], { snapshotter }), { message: errors.MESSAGE_TOO_LARGE });
    const quotes = { q: '"'.repeat((MAX_MESSAGE_BYTES - '{"q":""}'.length) / 2) };
    assert.equal(serializeMessage(quotes, { snapshotter }).kind, 'data');
    assert.throws(() => serializeMessage({ ...quotes, r: 1 }, { snapshotter }), { message: errors.MESSAGE_TOO_LARGE });
  });

  it("nesting is limited as Chrome's stack limits it: a page's thread, and half as deep from a service worker", () => {
    const { worker, content, tab } = setup();
    const nested = (kind: 'array' | 'object', depth: number): unknown => {
      let value: unknown = kind === 'array' ? [] : {};
      for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
      return value;
    };
    const sends = (send: (message: unknown) => unknown, kind: 'array' | 'object', depth: number): boolean => {
      try {
        (send(nested(kind, depth)) as Promise<unknown>).catch(() => undefined);
        return true;
      } catch (error) {
        assert.match((error as Error).message, /Could not serialize message\.$/);
        return false;
      }
    };
    // The deepest each sends in Chromium 156, and one level more.
    const fromPage = (message: unknown): unknown => content.runtime.sendMessage(message);
    const fromWorker = (message: unknown): unknown => worker.tabs.sendMessage(tab.id, message);
    for (const [send, kind, deepest] of [
      [fromPage, 'array', 4773],
      [fromPage, 'object', 5171],
      [fromWorker, 'array', 2386],
      [fromWorker, 'object', 2585],
    ] as const) {
      assert.equal(sends(send, kind, deepest), true, `${kind} ${deepest}`);
      assert.equal(sends(send, kind, deepest + 1), false, `${kind} ${deepest + 1}`);
    }
  });

  it("a message to a native host is held to the sending thread's nesting limit, and written whole up to it, deeper than the host's own JSON.stringify goes", async () => {
    const texts: string[] = [];
    const { browser } = fixture({ nativeHosts: { start: () => ({ postMessage: (text: string) => void texts.push(text), close: () => undefined }) } });
    const extension = browser.installExtension({ manifest: mv3({ permissions: ['nativeMessaging'] }) });
    const nested = (depth: number): unknown => {
      let value: unknown = [];
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    // The deepest each sends in Chromium 156, and one level more (as in the test above).
    const fromWorker = sw(extension).runtime.connectNative!('com.test.host');
    const fromPage = page(extension.openPage('page.html').mainFrame.document.mainWorld).runtime.connectNative!('com.test.host');
    for (const [port, deepest] of [[fromWorker, 2386], [fromPage, 4773]] as const) {
      port.postMessage(nested(deepest));
      assert.throws(() => port.postMessage(nested(deepest + 1)), { message: errors.COULD_NOT_SERIALIZE });
    }
    await browser.idle();
    assert.deepEqual(texts, [2387, 4774].map((arrays) => `${'['.repeat(arrays)}${']'.repeat(arrays)}`));
  });

  it('before Chrome 149 the size error has its older text', () => {
    const { content } = setup({ chromeVersion: 148 });
    const error = thrown(() => content.runtime.sendMessage('x'.repeat(MAX_MESSAGE_BYTES)));
    assert.match(error.message, new RegExp(`${errors.MESSAGE_TOO_LARGE_LEGACY.replace(/\./g, '\\.')}$`));
  });

  it('any JSON value survives the trip unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const { received, response } = await roundTrip(value);
        const expected = JSON.parse(JSON.stringify(value ?? null)) as unknown;
        assert.deepEqual(received, expected);
        assert.deepEqual(response, expected);
      }),
      { numRuns: 50 },
    );
  });
});
