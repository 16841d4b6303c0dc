import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Port } from '../../../src/api/port.ts';
import * as errors from '../../../src/core/errors.ts';
import { rejection, withCallback } from '../../support.ts';
import { nativeFixture, until } from './support.ts';

function watch(port: Port, lastError: () => string | undefined) {
  const seen = { messages: [] as unknown[], disconnected: null as string | null };
  port.onMessage.addListener((message) => void seen.messages.push(message));
  port.onDisconnect.addListener(() => {
    seen.disconnected = lastError() ?? '';
  });
  return seen;
}

describe('native host faults, with real processes', () => {
  it('a host that crashes mid-message: what it sent whole arrives, then "Native host has exited."', async () => {
    const { worker, processes } = nativeFixture({ 'com.test.crash': { script: 'crash-mid-message.mjs' } });
    const port = worker.runtime.connectNative!('com.test.crash');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    await until(() => seen.disconnected !== null);
    assert.deepEqual(seen.messages, [{ before: 'crash' }]);
    assert.equal(seen.disconnected, errors.NATIVE_HOST_EXITED);
    assert.equal((await processes[0]!.exited).code, 3);
  });

  it('a header announcing more than 1 MiB closes the port with the communication error, after the messages before it', async () => {
    const { worker } = nativeFixture({ 'com.test.bogus': { script: 'bogus-length.mjs' } });
    const port = worker.runtime.connectNative!('com.test.bogus');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    await until(() => seen.disconnected !== null);
    assert.deepEqual(seen.messages, [{ before: 'bogus' }]);
    assert.equal(seen.disconnected, errors.NATIVE_HOST_COMMUNICATION_ERROR);
  });

  it('a message of exactly 1 MiB is still delivered', async () => {
    const { worker } = nativeFixture({ 'com.test.mib': { script: 'exactly-one-mib.mjs' } });
    const port = worker.runtime.connectNative!('com.test.mib');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    await until(() => seen.messages.length === 1);
    assert.equal((seen.messages[0] as string).length, 1024 * 1024 - 2);
    port.disconnect();
  });

  it("a host's message reaches the extension as its own text parses: -0, 1e400 as Infinity, nesting deeper than JSON.stringify goes", async () => {
    const { worker } = nativeFixture({ 'com.test.exact': { script: 'exact-text.mjs' } });
    const port = worker.runtime.connectNative!('com.test.exact');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    await until(() => seen.disconnected !== null);
    const [negativeZero, infinity, deep, done] = seen.messages;
    assert.ok(Object.is(negativeZero, -0));
    assert.equal(infinity, Infinity);
    let depth = 0;
    for (let value = deep; Array.isArray(value); value = value[0]) depth++;
    assert.equal(depth, 200_000);
    assert.deepEqual(done, { done: true });
    assert.equal(seen.disconnected, errors.NATIVE_HOST_EXITED);
  });

  it('invalid JSON on a port: a console error, the message is dropped, and the port stays open', async () => {
    const { worker, console } = nativeFixture({ 'com.test.bad': { script: 'bad-bytes.mjs' } });
    const port = worker.runtime.connectNative!('com.test.bad');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    for (const send of ['invalid-json', 'empty', 'invalid-utf8-outside', 'ok']) port.postMessage({ send });
    await until(() => seen.messages.length === 1);
    assert.deepEqual(seen.messages, [{ ok: 'ok' }]);
    assert.deepEqual(
      console.map(({ message }) => [message.level, message.text]),
      [
        ['error', errors.MALFORMED_JSON_MESSAGE],
        ['error', errors.MALFORMED_JSON_MESSAGE],
        ['error', errors.MALFORMED_JSON_MESSAGE],
      ],
    );
    assert.equal(seen.disconnected, null);
    port.disconnect();
  });

  it('invalid UTF-8 inside a JSON string is read as U+FFFD, as the renderer decodes it', async () => {
    const { worker } = nativeFixture({ 'com.test.bad': { script: 'bad-bytes.mjs' } });
    const answer = await worker.runtime.sendNativeMessage!('com.test.bad', { send: 'invalid-utf8-in-string' });
    assert.deepEqual(answer, { text: 'a\ufffd\ufffdb' });
  });

  it('invalid JSON as the answer to sendNativeMessage completes the request with the error (a callback gets one undefined argument)', async () => {
    const { worker, processes } = nativeFixture({ 'com.test.bad': { script: 'bad-bytes.mjs' } });
    const error = await rejection(worker.runtime.sendNativeMessage!('com.test.bad', { send: 'invalid-json' }));
    assert.equal(error.message, errors.MALFORMED_JSON_MESSAGE);
    const result = await withCallback((callback) => worker.runtime.sendNativeMessage!('com.test.bad', { send: 'empty' }, callback), worker);
    assert.deepEqual(result, { args: [undefined], lastError: errors.MALFORMED_JSON_MESSAGE });
    for (const host of processes) assert.equal((await host.exited).code, 0);
  });

  it('a host that never reads: large messages queue without hanging anything, and disconnect kills it 2 s later', async () => {
    const { worker, browser, extension, processes } = nativeFixture({
      'com.test.deaf': { script: 'never-reads.mjs' },
      'com.test.echo': { script: 'echo.mjs' },
    });
    const port = worker.runtime.connectNative!('com.test.deaf');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    const big = { data: 'x'.repeat(4 * 1024 * 1024) };
    const started = Date.now();
    for (let i = 0; i < 8; i += 1) port.postMessage(big); // 32 MiB, far more than a pipe holds
    assert.ok(Date.now() - started < 5000, 'posting never blocks');
    await until(() => seen.messages.length === 1);
    assert.deepEqual(seen.messages, [{ ready: true }]);
    // Other contexts and other hosts keep working meanwhile.
    const tab = extension.openPage('page.html');
    const echoed = await (tab.mainFrame.document.mainWorld.chrome as typeof worker).runtime.sendNativeMessage!('com.test.echo', { still: 'working' });
    assert.deepEqual((echoed as { echo: unknown }).echo, { still: 'working' });
    const disconnectedAt = Date.now();
    port.disconnect();
    const exit = await processes[0]!.exited;
    assert.deepEqual(exit, { code: null, signal: 'SIGKILL' });
    const waited = Date.now() - disconnectedAt;
    assert.ok(waited >= 1900 && waited < 4000, `killed after ${waited} ms`);
    await browser.idle();
    assert.equal(seen.disconnected, null);
  });

  it('a host that ignores the end of its input is killed with SIGKILL after 2 s', async () => {
    const { worker, processes } = nativeFixture({ 'com.test.stubborn': { script: 'ignores-eof.mjs' } });
    const answer = await worker.runtime.sendNativeMessage!('com.test.stubborn', { hi: 1 });
    const closedAt = Date.now();
    assert.deepEqual(answer, { echo: { hi: 1 } });
    const exit = await processes[0]!.exited;
    const waited = Date.now() - closedAt;
    assert.equal(exit.signal, 'SIGKILL');
    assert.ok(waited >= 1900 && waited < 4000, `killed after ${waited} ms`);
  });

  it('a host flooding its output: every message arrives, in order, and other contexts keep working', async () => {
    const { worker, extension, browser } = nativeFixture({ 'com.test.flood': { script: 'flood.mjs' } });
    const port = worker.runtime.connectNative!('com.test.flood');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    const count = 20_000;
    port.postMessage({ count });
    const tab = extension.openPage('page.html');
    const pageChrome = tab.mainFrame.document.mainWorld.chrome as typeof worker;
    worker.runtime.onMessage.addListener((message, _sender, sendResponse) => void sendResponse({ pong: message }));
    const pong = await pageChrome.runtime.sendMessage('ping');
    assert.deepEqual(pong, { pong: 'ping' });
    await until(() => seen.messages.length === count + 1, 20_000);
    const numbers = seen.messages.slice(0, count).map((m) => (m as { i: number }).i);
    assert.ok(numbers.every((n, index) => n === index), 'in order, none lost');
    assert.deepEqual(seen.messages[count], { done: true });
    port.disconnect();
    await browser.idle();
    assert.equal(seen.disconnected, null);
  });

  it('a host file that cannot be executed behaves as a host that exited at once', async () => {
    const { worker } = nativeFixture({ 'com.test.noexec': { script: 'frames.mjs' } });
    const error = await rejection(worker.runtime.sendNativeMessage!('com.test.noexec', {}));
    assert.equal(error.message, errors.NATIVE_HOST_EXITED);
  });
});
