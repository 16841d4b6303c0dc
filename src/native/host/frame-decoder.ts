import { FrameError } from './frame-error.ts';
import {
  type ByteOrder,
  checkMaxBytes,
  type FrameOptions,
  HEADER_BYTES,
  MAX_BROWSER_TO_HOST_BYTES,
  NATIVE_BYTE_ORDER,
  readLength,
} from './limits.ts';

/**
 * One decoded frame: the message, or what went wrong. `byteLength` is the body's length as the
 * header announced it (0 for a cut-off header). A message is wrapped because `null` is a message;
 * `text` is its body as it came, for a reader that passes the text on (as Chrome's browser process
 * does: the renderer parses it, and JSON.stringify of the message could not always write it again).
 * A body that did not decode (INVALID_UTF8, INVALID_JSON) comes with its raw bytes in `body`, for a
 * reader that judges them itself, as Chrome's renderer does with a host's message.
 */
export type DecodedFrame =
  | { readonly ok: true; readonly message: unknown; readonly text: string; readonly byteLength: number }
  | { readonly ok: false; readonly error: FrameError; readonly byteLength: number; readonly body?: Buffer };

/**
 * Turns a byte stream into messages: `push` every chunk as it comes (any size, split anywhere), then
 * `end` when the input ends. Errors come back as frames, after the messages that preceded them, so
 * nothing decoded is lost:
 *
 * - A body that is not UTF-8 or not JSON is a `{ ok: false }` frame (INVALID_UTF8, INVALID_JSON) and
 *   decoding goes on: the length header already told where the next frame starts, so one bad body
 *   costs one message. (Chrome does the same with a host's bad JSON: that message is dropped, the
 *   port stays open.)
 * - A header over `maxBytes` (default 64 MiB, what Chrome may send a host; use
 *   MAX_HOST_TO_BROWSER_BYTES to read as Chrome reads a host) is a FRAME_TOO_LARGE frame as soon as
 *   the header is complete, before any of the body arrives.
 * - `end` returns a TRUNCATED frame when the input stopped inside a header or a body.
 *
 * FRAME_TOO_LARGE and TRUNCATED are fatal (`error.recoverable` is false): they are the last frame,
 * and the decoder takes nothing more (`push` and `end` then throw the same error).
 */
export class FrameDecoder {
  readonly maxBytes: number;
  readonly byteOrder: ByteOrder;
  #chunks: Buffer[] = [];
  #buffered = 0;
  /** The body length announced by the current header, once the header is complete. */
  #bodyLength: number | undefined;
  #failure: FrameError | undefined;
  #ended = false;
  readonly #utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(options: FrameOptions = {}) {
    this.maxBytes = checkMaxBytes(options.maxBytes ?? MAX_BROWSER_TO_HOST_BYTES);
    this.byteOrder = options.byteOrder ?? NATIVE_BYTE_ORDER;
  }

  /** Bytes received but not yet part of a complete frame. */
  get bufferedBytes(): number {
    return this.#buffered;
  }

  /**
   * Feeds the next chunk; returns the frames it completed, in order. The decoder keeps a view of the
   * bytes it has not finished with, so do not reuse a chunk's memory after pushing it.
   */
  push(chunk: Uint8Array): DecodedFrame[] {
    this.#checkUsable();
    if (chunk.byteLength > 0) {
      this.#chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.#buffered += chunk.byteLength;
    }
    const frames: DecodedFrame[] = [];
    for (;;) {
      if (this.#bodyLength === undefined) {
        if (this.#buffered < HEADER_BYTES) break;
        const length = readLength(this.#take(HEADER_BYTES), this.byteOrder);
        if (length > this.maxBytes) {
          const error = new FrameError(
            'FRAME_TOO_LARGE',
            `A frame header announced ${length} bytes; the limit is ${this.maxBytes}.`,
          );
          frames.push(this.#fail(error, length));
          break;
        }
        this.#bodyLength = length;
      }
      if (this.#buffered < this.#bodyLength) break;
      const body = this.#take(this.#bodyLength);
      this.#bodyLength = undefined;
      frames.push(this.#parse(body));
    }
    return frames;
  }

  /** Declares the end of input: no frames, or one TRUNCATED frame if it ended inside a frame. */
  end(): DecodedFrame[] {
    this.#checkUsable();
    this.#ended = true;
    if (this.#bodyLength !== undefined) {
      const error = new FrameError(
        'TRUNCATED',
        `The input ended inside a message: ${this.#buffered} of ${this.#bodyLength} body bytes arrived.`,
      );
      return [this.#fail(error, this.#bodyLength)];
    }
    if (this.#buffered > 0) {
      const error = new FrameError(
        'TRUNCATED',
        `The input ended inside a frame header: ${this.#buffered} of ${HEADER_BYTES} bytes arrived.`,
      );
      return [this.#fail(error, 0)];
    }
    return [];
  }

  /** The fatal error that stopped this decoder, if any. */
  get failure(): FrameError | undefined {
    return this.#failure;
  }

  #fail(error: FrameError, byteLength: number): DecodedFrame {
    this.#failure = error;
    this.#chunks = [];
    this.#buffered = 0;
    this.#bodyLength = undefined;
    return { ok: false, error, byteLength };
  }

  #checkUsable(): void {
    if (this.#failure) throw this.#failure;
    if (this.#ended) throw new Error('FrameDecoder: the input has already ended');
  }

  /** Removes the first `count` bytes from the buffered chunks. Copies only when they span chunks. */
  #take(count: number): Buffer {
    const first = this.#chunks[0];
    if (first && first.byteLength >= count) {
      const taken = first.subarray(0, count);
      if (first.byteLength === count) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(count);
      this.#buffered -= count;
      return taken;
    }
    const taken = Buffer.allocUnsafe(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.#chunks[0];
      if (!chunk) throw new Error('FrameDecoder: took more bytes than were buffered');
      const used = Math.min(chunk.byteLength, count - filled);
      taken.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used === chunk.byteLength) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(used);
    }
    this.#buffered -= count;
    return taken;
  }

  #parse(body: Buffer): DecodedFrame {
    const byteLength = body.byteLength;
    let text: string;
    try {
      text = this.#utf8.decode(body);
    } catch (cause) {
      const error = new FrameError('INVALID_UTF8', `A message of ${byteLength} bytes is not valid UTF-8.`, { cause });
      return { ok: false, error, byteLength, body };
    }
    try {
      return { ok: true, message: JSON.parse(text) as unknown, text, byteLength };
    } catch (cause) {
      const error = new FrameError('INVALID_JSON', `A message of ${byteLength} bytes is not valid JSON.`, { cause });
      return { ok: false, error, byteLength, body };
    }
  }
}
