import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Port } from '../../../src/api/port.ts';
import * as errors from '../../../src/core/errors.ts';
import { page } from '../../support.ts';
import { HOSTS, ORIGIN, nativeFixture, until } from './support.ts';

/** Collects a port's messages and its disconnect (with the lastError seen during onDisconnect). */
function watch(port: Port, lastError: () => string | undefined) {
  const seen = { messages: [] as unknown[], disconnected: undefined as string | undefined | null };
  seen.disconnected = null;
  port.onMessage.addListener((message) => void seen.messages.push(message));
  port.onDisconnect.addListener(() => {
    seen.disconnected = lastError() ?? '';
  });
  return seen;
}

describe('runtime.connectNative', () => {
  it('a conversation with a real host: messages go framed, answers come back in order on port.onMessage', async () => {
    const { worker, browser } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const port = worker.runtime.connectNative!('com.test.echo');
    assert.equal(port.name, '');
    assert.equal(port.sender, undefined);
    const seen = watch(port, () => worker.runtime.lastError?.message);
    port.postMessage({ n: 1 });
    port.postMessage('two');
    port.postMessage(undefined);
    await until(() => seen.messages.length === 3);
    await browser.idle();
    assert.deepEqual(
      seen.messages.map((m) => (m as { echo: unknown; count: number }).echo),
      [{ n: 1 }, 'two', null],
    );
    assert.equal(seen.disconnected, null);
    port.disconnect();
  });

  it('the host is started as Chrome starts it: its path with the origin as the only argument, in its own folder', async () => {
    const { worker } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const port = worker.runtime.connectNative!('com.test.echo');
    const seen = watch(port, () => undefined);
    port.postMessage({});
    await until(() => seen.messages.length === 1);
    const [reply] = seen.messages as { argv: string[]; cwd: string }[];
    assert.deepEqual(reply!.argv, [ORIGIN]);
    assert.equal(reply!.cwd, HOSTS.replace(/\/$/, ''));
    port.disconnect();
  });

  it('a Python host works the same way', async () => {
    const { worker } = nativeFixture({ 'com.test.py': { script: 'echo_host.py' } });
    const port = worker.runtime.connectNative!('com.test.py');
    const seen = watch(port, () => undefined);
    port.postMessage({ from: 'extension' });
    await until(() => seen.messages.length === 1);
    assert.deepEqual(seen.messages[0], { echo: { from: 'extension' }, argv: [ORIGIN] });
    port.disconnect();
  });

  it('an extension page can connect too, and each port gets its own host process', async () => {
    const { extension, worker, processes } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const tab = extension.openPage('page.html');
    const pageChrome = page(tab.mainFrame.document.mainWorld);
    const a = worker.runtime.connectNative!('com.test.echo');
    const b = pageChrome.runtime.connectNative!('com.test.echo');
    const seenA = watch(a, () => undefined);
    const seenB = watch(b, () => undefined);
    a.postMessage('a');
    b.postMessage('b');
    await until(() => seenA.messages.length === 1 && seenB.messages.length === 1);
    assert.equal(processes.length, 2);
    assert.notEqual(processes[0]!.pid, processes[1]!.pid);
    assert.deepEqual([(seenA.messages[0] as { echo: string }).echo, (seenB.messages[0] as { echo: string }).echo], ['a', 'b']);
    a.disconnect();
    b.disconnect();
  });

  it("port.disconnect() closes the host's input: a host that exits at end of input exits 0, and the opener hears nothing", async () => {
    const { worker, browser, processes } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const port = worker.runtime.connectNative!('com.test.echo');
    const seen = watch(port, () => undefined);
    port.postMessage(1);
    await until(() => seen.messages.length === 1);
    port.disconnect();
    const exit = await processes[0]!.exited;
    assert.deepEqual(exit, { code: 0, signal: null });
    await browser.idle();
    assert.equal(seen.disconnected, null);
    assert.equal(browser.messageService.channelCount, 0);
  });

  it('the host exiting disconnects the port with "Native host has exited."', async () => {
    const { worker } = nativeFixture({ 'com.test.gone': { script: 'exit-at-once.mjs' } });
    const port = worker.runtime.connectNative!('com.test.gone');
    const seen = watch(port, () => worker.runtime.lastError?.message);
    await until(() => seen.disconnected !== null);
    assert.equal(seen.disconnected, errors.NATIVE_HOST_EXITED);
    assert.throws(() => port.postMessage('late'), { message: errors.DISCONNECTED_PORT });
  });

  it('messages posted before the process started are queued and delivered in order', async () => {
    const { worker } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const port = worker.runtime.connectNative!('com.test.echo');
    const seen = watch(port, () => undefined);
    for (let i = 0; i < 50; i += 1) port.postMessage({ i });
    await until(() => seen.messages.length === 50);
    assert.deepEqual(
      seen.messages.map((m) => (m as { echo: { i: number } }).echo.i),
      Array.from({ length: 50 }, (_, i) => i),
    );
    port.disconnect();
  });

  it('the opener context dying ends the host as a disconnect does', async () => {
    const { extension, processes } = nativeFixture({ 'com.test.echo': { script: 'echo.mjs' } });
    const tab = extension.openPage('page.html');
    const port = page(tab.mainFrame.document.mainWorld).runtime.connectNative!('com.test.echo');
    const seen = watch(port, () => undefined);
    port.postMessage('hi');
    await until(() => seen.messages.length === 1);
    tab.close();
    assert.deepEqual(await processes[0]!.exited, { code: 0, signal: null });
  });
});
