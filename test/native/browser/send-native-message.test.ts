import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as errors from '../../../src/core/errors.ts';
import { rejection, withCallback } from '../../support.ts';
import { nativeFixture } from './support.ts';

describe('runtime.sendNativeMessage', () => {
  it("the host's first message is the answer (promise), and the host is then closed", async () => {
    const { worker, processes } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const answer = await worker.runtime.sendNativeMessage!('com.test.echo', { q: 1 });
    assert.deepEqual((answer as { echo: unknown }).echo, { q: 1 });
    assert.deepEqual(await processes[0]!.exited, { code: 0, signal: null });
  });

  it('with a callback the answer is its argument and nothing is returned', async () => {
    const { worker } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    let returned: unknown = 'unset';
    const result = await withCallback((callback) => {
      returned = worker.runtime.sendNativeMessage!('com.test.echo', { q: 2 }, callback);
    }, worker);
    assert.equal(returned, undefined);
    assert.equal(result.lastError, undefined);
    assert.deepEqual((result.args[0] as { echo: unknown }).echo, { q: 2 });
  });

  it('each call starts a new host process', async () => {
    const { worker, processes } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const [a, b] = (await Promise.all([
      worker.runtime.sendNativeMessage!('com.test.echo', { n: 'a' }),
      worker.runtime.sendNativeMessage!('com.test.echo', { n: 'b' }),
    ])) as { count: number }[];
    assert.equal(processes.length, 2);
    assert.deepEqual([a!.count, b!.count], [1, 1]);
  });

  it('later messages from the host are ignored', async () => {
    const { worker, browser, console } = nativeFixture({ 'com.test.twice': { script: 'reply-twice.mjs' } });
    const answer = await worker.runtime.sendNativeMessage!('com.test.twice', { x: 1 });
    assert.deepEqual(answer, { first: { x: 1 } });
    await browser.idle();
    assert.deepEqual(console, []);
  });

  it('a host that exits before answering rejects with "Native host has exited."', async () => {
    const { worker } = nativeFixture({ 'com.test.gone': { script: 'exit-at-once.mjs' } });
    const error = await rejection(worker.runtime.sendNativeMessage!('com.test.gone', {}));
    assert.equal(error.message, errors.NATIVE_HOST_EXITED);
  });

  it('with a callback the error is lastError and the callback gets no arguments', async () => {
    const { worker } = nativeFixture({ 'com.test.gone': { script: 'exit-at-once.mjs' } });
    const result = await withCallback((callback) => worker.runtime.sendNativeMessage!('com.test.gone', {}, callback), worker);
    assert.deepEqual(result, { args: [], lastError: errors.NATIVE_HOST_EXITED });
  });

  it('the message must be an object: strings, arrays and a missing name are invocation errors', () => {
    const { worker } = nativeFixture({});
    const signature = 'runtime.sendNativeMessage(string application, object message, optional function callback)';
    for (const args of [['com.test.echo', 'text'], ['com.test.echo', [1]], [{ a: 1 }]]) {
      assert.throws(() => worker.runtime.sendNativeMessage!(...args), {
        name: 'TypeError',
        message: errors.invocationError('runtime.sendNativeMessage', signature.slice('runtime.sendNativeMessage('.length, -1), errors.NO_MATCHING_SIGNATURE),
      });
    }
  });

  it('connectNative requires its name: a missing or non-string one is an invocation error', () => {
    const { worker } = nativeFixture({});
    for (const args of [[], [1]]) {
      assert.throws(() => (worker.runtime.connectNative as (...a: unknown[]) => unknown)(...args), {
        name: 'TypeError',
        message: errors.invocationError('runtime.connectNative', 'string application', errors.NO_MATCHING_SIGNATURE),
      });
    }
  });
});
