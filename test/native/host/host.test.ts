import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createNativeHost,
  type DecodedFrame,
  encodeFrame,
  FrameDecoder,
  FrameError,
  type NativeHost,
  type NativeHostOptions,
  parseLaunchArguments,
} from '../../../src/native/host/index.ts';

const ORIGIN = 'chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/';

/** A host on in-memory pipes; `replies()` decodes everything it wrote once its output ends. */
function pipes(options: NativeHostOptions = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  const host = createNativeHost({ input, output, args: [ORIGIN], onError: () => undefined, ...options });
  const replies = async (): Promise<unknown[]> => {
    await ended;
    const decoder = new FrameDecoder();
    const frames: DecodedFrame[] = [...decoder.push(Buffer.concat(chunks)), ...decoder.end()];
    return frames.map((frame) => (frame.ok ? frame.message : frame.error.code));
  };
  return { host, input, output, replies };
}

describe('native host', () => {
  it('onMessage gets each message in order, and the replies go out framed', async () => {
    const { host, input, replies } = pipes({
      onMessage: (message, h) => h.send({ echo: message }),
    });
    input.write(Buffer.concat([encodeFrame(1), encodeFrame(null), encodeFrame({ a: 'b' })]));
    input.end();
    await host.done;
    assert.deepEqual(await replies(), [{ echo: 1 }, { echo: null }, { echo: { a: 'b' } }]);
  });

  it('at end of input the host finishes running handlers and their writes before done', async () => {
    const { host, input, replies } = pipes({
      onMessage: async (message, h) => {
        await sleep(30);
        await h.send({ late: message });
      },
    });
    input.end(encodeFrame('x'));
    await host.done;
    assert.deepEqual(await replies(), [{ late: 'x' }]);
  });

  it('messages() reads one message per loop turn and ends when the input ends', async () => {
    const { host, input, replies } = pipes();
    input.end(Buffer.concat([encodeFrame('a'), encodeFrame('b')]));
    const seen: unknown[] = [];
    for await (const message of host.messages()) {
      seen.push(message);
      await host.send(seen.length);
    }
    await host.done;
    assert.deepEqual(seen, ['a', 'b']);
    assert.deepEqual(await replies(), [1, 2]);
  });

  it('messages() has one reader', () => {
    const { host } = pipes();
    void host.messages();
    assert.throws(() => host.messages(), /already being read/);
    const { host: withHandler } = pipes({ onMessage: () => undefined });
    assert.throws(() => withHandler.messages(), /already being read/);
  });

  it('the origin and extension id come from the first argument', () => {
    const { host } = pipes();
    assert.equal(host.origin, ORIGIN);
    assert.equal(host.extensionId, 'knldjmfmopnpolahpmmgbagdohdnhkik');
  });

  it('Windows launch arguments: --parent-window after the origin', () => {
    const launch = parseLaunchArguments([ORIGIN, '--parent-window=0']);
    assert.equal(launch.origin, ORIGIN);
    assert.equal(launch.parentWindow, 0);
    assert.equal(parseLaunchArguments([ORIGIN, '--parent-window=1234']).parentWindow, 1234);
  });

  it('a host not started by Chrome has no origin', () => {
    assert.equal(parseLaunchArguments([]).origin, undefined);
    assert.equal(parseLaunchArguments(['--verbose']).origin, undefined);
    assert.equal(parseLaunchArguments(['chrome-extension://abc']).origin, undefined, 'Chrome always adds the slash');
  });

  it('native-initiated connections: the reconnect command is decoded from base64 JSON', () => {
    const command = Buffer.from(JSON.stringify(['/usr/bin/host', '--x'])).toString('base64');
    const launch = parseLaunchArguments([ORIGIN, `--reconnect-command=${command}`, '--native-messaging-connect-id=7']);
    assert.deepEqual(launch.reconnectCommand, ['/usr/bin/host', '--x']);
    assert.equal(launch.connectId, '7');
  });

  it('a message that is not JSON is skipped and reported; the next one is delivered', async () => {
    const invalid: FrameError[] = [];
    const { host, input, replies } = pipes({
      onMessage: (message, h) => h.send(message),
      onInvalidMessage: (error) => invalid.push(error),
    });
    const badFrame = Buffer.from(encodeFrame('nope!').subarray(0, 4)); // a 7-byte header...
    input.end(Buffer.concat([badFrame, Buffer.from('nope!!!'), encodeFrame('good')])); // ...on a non-JSON body
    await host.done;
    assert.deepEqual(await replies(), ['good']);
    assert.deepEqual(invalid.map((error) => error.code), ['INVALID_JSON']);
  });

  it('a header over 64 MiB stops the host: done rejects, after the messages before it', async () => {
    const errors: unknown[] = [];
    const { host, input, replies } = pipes({ onMessage: (message, h) => h.send(message), onError: (e) => errors.push(e) });
    const header = Buffer.alloc(4);
    header.writeUInt32LE(0xffffffff);
    input.write(Buffer.concat([encodeFrame('first'), header]));
    await assert.rejects(host.done, (error) => error instanceof FrameError && error.code === 'FRAME_TOO_LARGE');
    assert.deepEqual(await replies(), ['first']);
    assert.equal(errors.length, 1);
    assert.ok(input.destroyed, 'the host stops reading its input');
  });

  it('input ending inside a frame makes done reject with TRUNCATED', async () => {
    const { host, input } = pipes({ onMessage: () => undefined });
    input.end(encodeFrame('cut').subarray(0, 6));
    await assert.rejects(host.done, (error) => error instanceof FrameError && error.code === 'TRUNCATED');
  });

  it('a handler that throws is reported and the host goes on', async () => {
    const errors: unknown[] = [];
    const { host, input, replies } = pipes({
      onMessage: (message, h) => {
        if (message === 'boom') throw new Error('boom');
        return h.send(message);
      },
      onError: (error) => errors.push(error),
    });
    input.end(Buffer.concat([encodeFrame('boom'), encodeFrame('fine')]));
    await host.done;
    assert.deepEqual(await replies(), ['fine']);
    assert.deepEqual(errors.map((error) => (error as Error).message), ['boom']);
  });

  it('send refuses a message over 1 MiB before writing anything', async () => {
    const { host, input, replies } = pipes();
    await assert.rejects(host.send('x'.repeat(1024 * 1024)), (error) => error instanceof FrameError && error.code === 'FRAME_TOO_LARGE');
    await assert.rejects(host.send(undefined), (error) => error instanceof FrameError && error.code === 'NOT_SERIALIZABLE');
    await host.send('small');
    input.end();
    for await (const _ of host.messages());
    assert.deepEqual(await replies(), ['small']);
  });

  it('send waits for drain when the output is full, so a fast sender cannot outrun a slow reader', async () => {
    let flushedFrames = 0;
    const output = new Writable({
      highWaterMark: 64,
      write(_chunk, _encoding, callback) {
        setTimeout(() => {
          flushedFrames++;
          callback();
        }, 5);
      },
    });
    const input = new PassThrough();
    const host: NativeHost = createNativeHost({ input, output, args: [] });
    let maxBuffered = 0;
    for (let i = 0; i < 20; i++) {
      await host.send({ i, pad: 'p'.repeat(100) });
      maxBuffered = Math.max(maxBuffered, output.writableLength);
      assert.ok(output.writableLength <= 64 + 130, `${output.writableLength} bytes waiting after a send resolved`);
    }
    assert.ok(flushedFrames >= 19, `only ${flushedFrames} frames flushed by the time 20 sends resolved`);
    input.end();
    for await (const _ of host.messages());
    await host.done;
    assert.equal(flushedFrames, 20);
  });

  it('close() inside a handler stops reading without waiting on itself', async () => {
    const { host, input, replies } = pipes({
      onMessage: async (message, h) => {
        await h.send(message);
        if (message === 'stop') await h.close();
      },
    });
    input.write(Buffer.concat([encodeFrame('one'), encodeFrame('stop')]));
    await host.done;
    assert.deepEqual(await replies(), ['one', 'stop']);
    await assert.rejects(host.send('too late'), /finished/);
  });
});
