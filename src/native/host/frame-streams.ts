import { Transform, type TransformCallback, type TransformOptions } from 'node:stream';
import { type DecodedFrame, FrameDecoder } from './frame-decoder.ts';
import { encodeFrame } from './frame-encoder.ts';
import { type ByteOrder, type FrameOptions, MAX_HOST_TO_BROWSER_BYTES, NATIVE_BYTE_ORDER } from './limits.ts';

type StreamOptions = FrameOptions & Pick<TransformOptions, 'readableHighWaterMark' | 'writableHighWaterMark' | 'signal'>;

/**
 * Bytes in, `DecodedFrame`s out (object mode); see FrameDecoder. A message is wrapped even when it
 * is `null`, because a Readable cannot carry `null`. Errors are frames too, after the messages
 * before them: a bad body is an `{ ok: false }` frame and decoding goes on; a fatal one (a header
 * over the limit, input ending inside a frame) is the last frame, the readable side ends there, and
 * any further input is discarded. Backpressure is the Transform's own: when the reader stops, the
 * decoder stops taking bytes.
 */
export class FrameDecoderStream extends Transform {
  readonly #decoder: FrameDecoder;

  constructor(options: StreamOptions = {}) {
    super({
      readableObjectMode: true,
      writableObjectMode: false,
      ...(options.readableHighWaterMark !== undefined && { readableHighWaterMark: options.readableHighWaterMark }),
      ...(options.writableHighWaterMark !== undefined && { writableHighWaterMark: options.writableHighWaterMark }),
      ...(options.signal && { signal: options.signal }),
    });
    this.#decoder = new FrameDecoder(options);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#decoder.failure) this.#pushAll(this.#decoder.push(chunk));
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#decoder.failure) this.#pushAll(this.#decoder.end());
    callback();
  }

  #pushAll(frames: readonly DecodedFrame[]): void {
    for (const frame of frames) this.push(frame);
    if (this.#decoder.failure) this.push(null);
  }
}

/** What the encoder stream takes: a message in an envelope, because a Writable cannot take `null`. */
export interface OutgoingMessage {
  readonly message: unknown;
}

/**
 * `{ message }` objects in, frames out. A message that cannot be framed (no JSON text, over the
 * limit, 1 MiB by default) destroys the stream with a FrameError; check first with `encodeFrame` if
 * that matters. Backpressure is the Transform's own: `write()` returns false once
 * `writableHighWaterMark` messages wait and the reader has `readableHighWaterMark` bytes unread.
 */
export class FrameEncoderStream extends Transform {
  readonly maxBytes: number;
  readonly byteOrder: ByteOrder;

  constructor(options: StreamOptions = {}) {
    super({
      writableObjectMode: true,
      readableObjectMode: false,
      ...(options.readableHighWaterMark !== undefined && { readableHighWaterMark: options.readableHighWaterMark }),
      ...(options.writableHighWaterMark !== undefined && { writableHighWaterMark: options.writableHighWaterMark }),
      ...(options.signal && { signal: options.signal }),
    });
    this.maxBytes = options.maxBytes ?? MAX_HOST_TO_BROWSER_BYTES;
    this.byteOrder = options.byteOrder ?? NATIVE_BYTE_ORDER;
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (typeof chunk !== 'object' || chunk === null || !('message' in chunk)) {
      callback(new TypeError('FrameEncoderStream takes { message } objects'));
      return;
    }
    try {
      callback(null, encodeFrame(chunk.message, { maxBytes: this.maxBytes, byteOrder: this.byteOrder }));
    } catch (error) {
      callback(error as Error);
    }
  }
}
