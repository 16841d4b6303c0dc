import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type DecodedFrame,
  encodeFrame,
  FrameDecoderStream,
  FrameEncoderStream,
  FrameError,
} from '../../../src/native/host/index.ts';

async function collect<T>(readable: AsyncIterable<unknown>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of readable) items.push(item as T);
  return items;
}

describe('frame streams', () => {
  it('the decoder stream yields each message wrapped, so null is a message too', async () => {
    const bytes = Buffer.concat([encodeFrame(null), encodeFrame({ a: 1 }), encodeFrame('s')]);
    const decoder = new FrameDecoderStream();
    const frames = collect<DecodedFrame>(decoder);
    Readable.from([bytes.subarray(0, 3), bytes.subarray(3, 11), bytes.subarray(11)]).pipe(decoder);
    assert.deepEqual(
      (await frames).map((frame) => (frame.ok ? frame.message : frame.error.code)),
      [null, { a: 1 }, 's'],
    );
  });

  it('an over-limit header is the decoder stream’s last frame, after the messages before it', async () => {
    const decoder = new FrameDecoderStream({ maxBytes: 10 });
    const frames = collect<DecodedFrame>(decoder);
    decoder.write(encodeFrame('ok'));
    decoder.write(encodeFrame('x'.repeat(20), { maxBytes: 100 }));
    decoder.write(encodeFrame('after'), () => decoder.end());
    assert.deepEqual(
      (await frames).map((frame) => (frame.ok ? frame.message : frame.error.code)),
      ['ok', 'FRAME_TOO_LARGE'],
    );
  });

  it('input ending inside a frame is the decoder stream’s last frame: TRUNCATED', async () => {
    const frames = await collect<DecodedFrame>(
      Readable.from([Buffer.concat([encodeFrame(1), encodeFrame(222).subarray(0, 5)])]).pipe(new FrameDecoderStream()),
    );
    assert.deepEqual(
      frames.map((frame) => (frame.ok ? frame.message : frame.error.code)),
      [1, 'TRUNCATED'],
    );
  });

  it('decoder into encoder is an echo, byte for byte', async () => {
    const input = Buffer.concat([{ x: [1, 'é'] }, 'two', null, 3.5].map((value) => encodeFrame(value)));
    const output = await collect<Buffer>(
      Readable.from([input]).pipe(new FrameDecoderStream()).pipe(new FrameEncoderStream()),
    );
    assert.deepEqual(Buffer.concat(output), input);
  });

  it('the encoder stream takes { message } objects and fails on anything else', async () => {
    const encoder = new FrameEncoderStream();
    await assert.rejects(pipeline(Readable.from([42]), encoder, new PassThrough()), TypeError);
  });

  it('the encoder stream fails on a message over 1 MiB', async () => {
    await assert.rejects(
      pipeline(Readable.from([{ message: 'x'.repeat(1024 * 1024) }]), new FrameEncoderStream(), new PassThrough()),
      (error) => error instanceof FrameError && error.code === 'FRAME_TOO_LARGE',
    );
  });

  it('an encoder nobody reads stops accepting messages at its high-water marks', () => {
    const encoder = new FrameEncoderStream({ writableHighWaterMark: 4, readableHighWaterMark: 1024 });
    const message = { message: 'x'.repeat(100) }; // a 106-byte frame
    let accepted = 0;
    while (encoder.write(message)) {
      accepted++;
      assert.ok(accepted < 100, 'write() never returned false: the encoder buffers without bound');
    }
    // 1024 bytes of frames (~10) on the readable side, plus 4 waiting messages.
    assert.ok(accepted <= 16, `accepted ${accepted} messages before signalling backpressure`);
    assert.ok(encoder.readableLength <= 1024 + 106);
    assert.ok(encoder.writableLength <= 4 + 1);
  });

  it('a slow consumer keeps the encoder’s buffers bounded, and every frame arrives', async () => {
    const encoder = new FrameEncoderStream({ writableHighWaterMark: 2, readableHighWaterMark: 256 });
    let received = 0;
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        maxBuffered = Math.max(maxBuffered, encoder.readableLength);
        setTimeout(callback, 1);
      },
    });
    const done = pipeline(encoder, slow);
    const frameBytes = encodeFrame('y'.repeat(60)).length;
    let waits = 0;
    for (let i = 0; i < 200; i++) {
      if (!encoder.write({ message: 'y'.repeat(60) })) {
        waits++;
        await new Promise((resolve) => encoder.once('drain', resolve));
      }
      maxBuffered = Math.max(maxBuffered, encoder.readableLength);
    }
    encoder.end();
    await done;
    assert.equal(received, 200 * frameBytes);
    assert.ok(waits > 0, 'the producer was never asked to wait');
    assert.ok(maxBuffered <= 256 + frameBytes, `the encoder buffered ${maxBuffered} bytes`);
  });

  it('a decoder nobody reads stops taking bytes (backpressure toward the input)', async () => {
    const decoder = new FrameDecoderStream({ readableHighWaterMark: 2, writableHighWaterMark: 64 });
    const frame = encodeFrame('z'.repeat(40));
    let accepted = 0;
    while (decoder.write(frame)) {
      accepted++;
      assert.ok(accepted < 100, 'write() never returned false: the decoder buffers without bound');
    }
    await sleep(5);
    assert.ok(decoder.readableLength <= 3, `${decoder.readableLength} decoded messages waiting`);
    const frames = collect<DecodedFrame>(decoder);
    decoder.end();
    assert.equal((await frames).length, accepted + 1);
  });
});
