/**
 * What can go wrong framing native messages. These are Switchboard's messages, not Chrome's: Chrome
 * reports all of them to the extension as one string (see `explain`).
 */
export type FrameErrorCode =
  /** A header announced more bytes than the limit. Fatal: the stream cannot be trusted after it. */
  | 'FRAME_TOO_LARGE'
  /** The input ended inside a header or a body. Fatal. */
  | 'TRUNCATED'
  /** A body was not valid UTF-8. Only that message is lost; framing is intact. */
  | 'INVALID_UTF8'
  /** A body was UTF-8 but not JSON. Only that message is lost; framing is intact. */
  | 'INVALID_JSON'
  /** The value to send has no JSON text (undefined, a function, a symbol, a BigInt, a cycle). */
  | 'NOT_SERIALIZABLE';

export class FrameError extends Error {
  override readonly name = 'FrameError';

  constructor(
    readonly code: FrameErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** True when the decoder can go on with the next frame. */
  get recoverable(): boolean {
    return this.code === 'INVALID_UTF8' || this.code === 'INVALID_JSON';
  }
}
