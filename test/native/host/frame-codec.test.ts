import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type DecodedFrame,
  encodeFrame,
  FrameDecoder,
  FrameError,
  MAX_BROWSER_TO_HOST_BYTES,
  MAX_HOST_TO_BROWSER_BYTES,
  NATIVE_BYTE_ORDER,
} from '../../../src/native/host/index.ts';
import { NATIVE_HOST_COMMUNICATION_ERROR } from '../../../src/core/errors.ts';

/** A frame built by hand: `length` in the header, `body` after it. */
function rawFrame(body: Uint8Array | string, length = Buffer.byteLength(body)): Buffer {
  const header = Buffer.alloc(4);
  if (NATIVE_BYTE_ORDER === 'LE') header.writeUInt32LE(length);
  else header.writeUInt32BE(length);
  return Buffer.concat([header, Buffer.from(body)]);
}

/** Cuts `bytes` into chunks of the given sizes, cycling through them. */
function chunk(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function decodeAll(decoder: FrameDecoder, chunks: readonly Uint8Array[]): DecodedFrame[] {
  const frames = chunks.flatMap((c) => decoder.push(c));
  return [...frames, ...decoder.end()];
}

function messages(frames: readonly DecodedFrame[]): unknown[] {
  return frames.map((frame) => (frame.ok ? frame.message : frame.error.code));
}

function frameError(code: FrameError['code']): (error: unknown) => boolean {
  return (error) => error instanceof FrameError && error.code === code;
}

/** The error of a `{ ok: false }` frame. */
function errorOf(frame: DecodedFrame | undefined): FrameError {
  assert.ok(frame && !frame.ok, `expected an error frame, got ${JSON.stringify(frame)}`);
  return frame.error;
}

describe('native host wire format', () => {
  it('a frame is a 32-bit length in native byte order, then the UTF-8 JSON text', () => {
    const frame = encodeFrame({ text: 'héllo' });
    const body = Buffer.from('{"text":"héllo"}', 'utf8');
    const length = NATIVE_BYTE_ORDER === 'LE' ? frame.readUInt32LE(0) : frame.readUInt32BE(0);
    assert.equal(length, body.length);
    assert.deepEqual(frame.subarray(4), body);
  });

  it('the byte order can be set explicitly, and both ends must agree', () => {
    const big = encodeFrame([1], { byteOrder: 'BE' });
    assert.deepEqual([...big.subarray(0, 4)], [0, 0, 0, 3]);
    const little = encodeFrame([1], { byteOrder: 'LE' });
    assert.deepEqual([...little.subarray(0, 4)], [3, 0, 0, 0]);
    assert.deepEqual(messages(decodeAll(new FrameDecoder({ byteOrder: 'BE' }), [big])), [[1]]);
  });

  it('the limits are Chrome’s: 1 MiB from a host, 64 MiB to a host', () => {
    assert.equal(MAX_HOST_TO_BROWSER_BYTES, 1_048_576);
    assert.equal(MAX_BROWSER_TO_HOST_BYTES, 67_108_864);
    assert.equal(new FrameDecoder().maxBytes, MAX_BROWSER_TO_HOST_BYTES);
  });
});

describe('frame decoder', () => {
  it('any JSON value survives encode, arbitrary chunking and decode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 16 }),
        (values, sizes) => {
          const bytes = Buffer.concat(values.map((value) => encodeFrame(value)));
          const decoded = messages(decodeAll(new FrameDecoder(), chunk(bytes, sizes)));
          assert.deepStrictEqual(decoded, values.map((value) => JSON.parse(JSON.stringify(value)) as unknown));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a header split across chunks is put back together', () => {
    const frame = encodeFrame({ split: true });
    const decoder = new FrameDecoder();
    assert.deepEqual(decoder.push(frame.subarray(0, 1)), []);
    assert.deepEqual(decoder.push(frame.subarray(1, 3)), []);
    assert.deepEqual(decoder.push(frame.subarray(3, 5)), []);
    assert.deepEqual(messages(decoder.push(frame.subarray(5))), [{ split: true }]);
    assert.deepEqual(decoder.end(), []);
  });

  it('one byte at a time still yields every message', () => {
    const bytes = Buffer.concat([encodeFrame('a'), encodeFrame(null), encodeFrame({ b: [1, 2] })]);
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), chunk(bytes, [1]))), ['a', null, { b: [1, 2] }]);
  });

  it('several messages in one chunk are all yielded, in order', () => {
    const values = Array.from({ length: 100 }, (_, i) => ({ i }));
    const decoder = new FrameDecoder();
    const frames = decoder.push(Buffer.concat(values.map((value) => encodeFrame(value))));
    assert.deepEqual(messages(frames), values);
    assert.equal(decoder.bufferedBytes, 0);
  });

  it('a chunk may end one message, hold another whole, and start a third', () => {
    const [a, b, c] = [encodeFrame('first'), encodeFrame('second'), encodeFrame('third')];
    const decoder = new FrameDecoder();
    assert.deepEqual(messages(decoder.push(a.subarray(0, 6))), []);
    assert.deepEqual(messages(decoder.push(Buffer.concat([a.subarray(6), b, c.subarray(0, 2)]))), ['first', 'second']);
    assert.deepEqual(messages(decoder.push(c.subarray(2))), ['third']);
  });

  it('a header over the limit is rejected as soon as the header is complete, before the body', () => {
    const decoder = new FrameDecoder({ maxBytes: MAX_HOST_TO_BROWSER_BYTES });
    const header = rawFrame('', MAX_HOST_TO_BROWSER_BYTES + 1);
    assert.deepEqual(decoder.push(header.subarray(0, 3)), []);
    const [frame, ...rest] = decoder.push(header.subarray(3));
    const error = errorOf(frame);
    assert.equal(error.code, 'FRAME_TOO_LARGE');
    assert.equal(error.recoverable, false);
    assert.equal(frame?.byteLength, MAX_HOST_TO_BROWSER_BYTES + 1);
    assert.deepEqual(rest, []);
    assert.throws(() => decoder.push(Buffer.from('{}')), frameError('FRAME_TOO_LARGE'), 'the decoder stays failed');
    assert.throws(() => decoder.end(), frameError('FRAME_TOO_LARGE'));
  });

  it('the messages before an over-limit header in the same chunk are still yielded', () => {
    const bytes = Buffer.concat([encodeFrame('before'), rawFrame('', 11)]);
    const frames = new FrameDecoder({ maxBytes: 10 }).push(bytes);
    assert.deepEqual(messages(frames), ['before', 'FRAME_TOO_LARGE']);
  });

  it('a header of exactly the limit is accepted', () => {
    const body = `"${'x'.repeat(1022)}"`;
    assert.deepEqual(messages(decodeAll(new FrameDecoder({ maxBytes: 1024 }), [rawFrame(body)])), ['x'.repeat(1022)]);
  });

  it('the default limit refuses a header over 64 MiB', () => {
    const [frame] = new FrameDecoder().push(rawFrame('', MAX_BROWSER_TO_HOST_BYTES + 1));
    assert.equal(errorOf(frame).code, 'FRAME_TOO_LARGE');
  });

  it('input that ends inside a header is truncated', () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame(1).subarray(0, 2));
    const [frame] = decoder.end();
    const error = errorOf(frame);
    assert.equal(error.code, 'TRUNCATED');
    assert.equal(error.recoverable, false);
    assert.match(error.message, /header: 2 of 4 bytes/);
  });

  it('input that ends inside a body is truncated, after the complete messages before it', () => {
    const bytes = Buffer.concat([encodeFrame('whole'), encodeFrame('cut short')]);
    const frames = decodeAll(new FrameDecoder(), [bytes.subarray(0, bytes.length - 3)]);
    assert.deepEqual(messages(frames), ['whole', 'TRUNCATED']);
    assert.match(errorOf(frames[1]).message, /8 of 11 body bytes/);
  });

  it('input that ends between frames is a clean end', () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame('done'));
    assert.deepEqual(decoder.end(), []);
    assert.throws(() => decoder.push(encodeFrame(1)), /already ended/);
  });

  it('a body that is not UTF-8 is one error, and the next message still decodes', () => {
    const bytes = Buffer.concat([rawFrame(Buffer.from([0x22, 0xff, 0xfe, 0x22])), encodeFrame('after')]);
    const frames = decodeAll(new FrameDecoder(), [bytes]);
    assert.deepEqual(messages(frames), ['INVALID_UTF8', 'after']);
    assert.equal(frames[0]?.byteLength, 4);
    assert.equal(errorOf(frames[0]).recoverable, true);
  });

  it('a truncated UTF-8 sequence inside a body is invalid UTF-8, not a character split across chunks', () => {
    const euro = Buffer.from('"€"', 'utf8');
    const frame = rawFrame(euro);
    // Split inside the multi-byte character: the decoder must join the bytes before decoding.
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), [frame.subarray(0, 6), frame.subarray(6)])), ['€']);
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), [rawFrame(euro.subarray(0, 3))])), ['INVALID_UTF8']);
  });

  it('a body that is not JSON is one error, and the next message still decodes', () => {
    const bytes = Buffer.concat([rawFrame('{not json'), rawFrame(''), encodeFrame({ ok: 1 })]);
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), [bytes])), ['INVALID_JSON', 'INVALID_JSON', { ok: 1 }]);
  });

  it('a byte order mark is not stripped: it makes the body invalid JSON', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1')]);
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), [rawFrame(bom)])), ['INVALID_JSON']);
  });

  it('a message comes with its body\'s text as it came, which JSON.stringify would not always write again', () => {
    const frames = decodeAll(new FrameDecoder(), [rawFrame('-0'), rawFrame(' { "a" : 1e400 } ')]);
    assert.deepEqual(
      frames.map((frame) => frame.ok && [frame.text, JSON.stringify(frame.message)]),
      [['-0', '0'], [' { "a" : 1e400 } ', '{"a":null}']],
    );
  });

  it('a large message arriving in many chunks is decoded once, whole', () => {
    const value = { data: 'y'.repeat(3 * 1024 * 1024) };
    const frames = decodeAll(new FrameDecoder(), chunk(encodeFrame(value, { maxBytes: MAX_BROWSER_TO_HOST_BYTES }), [65536]));
    assert.deepEqual(messages(frames), [value]);
  });
});

describe('frame encoder', () => {
  it('a top-level undefined, function or symbol cannot be sent', () => {
    for (const value of [undefined, () => 1, Symbol('s')]) {
      assert.throws(() => encodeFrame(value), frameError('NOT_SERIALIZABLE'));
    }
  });

  it('a BigInt or a cycle cannot be sent', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.throws(() => encodeFrame(1n), frameError('NOT_SERIALIZABLE'));
    assert.throws(() => encodeFrame(cycle), frameError('NOT_SERIALIZABLE'));
  });

  it('null is a message', () => {
    assert.deepEqual(messages(decodeAll(new FrameDecoder(), [encodeFrame(null)])), [null]);
  });

  it('a message over 1 MiB is refused, naming what Chrome would do', () => {
    const justUnder = 'x'.repeat(MAX_HOST_TO_BROWSER_BYTES - 2); // plus two quotes: exactly 1 MiB
    assert.equal(encodeFrame(justUnder).length, 4 + MAX_HOST_TO_BROWSER_BYTES);
    assert.throws(
      () => encodeFrame(`${justUnder}x`),
      (error) =>
        frameError('FRAME_TOO_LARGE')(error) &&
        String(error).includes('1048577 bytes') &&
        String(error).includes(NATIVE_HOST_COMMUNICATION_ERROR),
    );
  });

  it('the limit counts UTF-8 bytes, not characters', () => {
    assert.doesNotThrow(() => encodeFrame('é'.repeat(5), { maxBytes: 12 }));
    assert.throws(() => encodeFrame('é'.repeat(6), { maxBytes: 13 }), frameError('FRAME_TOO_LARGE'));
  });

  it('a limit outside 0..2^32-1 is a RangeError', () => {
    assert.throws(() => encodeFrame(1, { maxBytes: 2 ** 32 }), RangeError);
    assert.throws(() => new FrameDecoder({ maxBytes: -1 }), RangeError);
  });
});
