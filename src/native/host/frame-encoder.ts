import { NATIVE_HOST_COMMUNICATION_ERROR } from '../../core/errors.ts';
import { FrameError } from './frame-error.ts';
import { checkMaxBytes, type FrameOptions, HEADER_BYTES, MAX_HOST_TO_BROWSER_BYTES, NATIVE_BYTE_ORDER, writeLength } from './limits.ts';

/**
 * Frames one message: a 32-bit length in the header's byte order, then the UTF-8 JSON text, in one
 * buffer (so two frames can never interleave on the wire).
 *
 * Refuses, with a FrameError:
 * - NOT_SERIALIZABLE: a value with no JSON text. `JSON.stringify` returns undefined for a top-level
 *   undefined, function or symbol, and throws for a BigInt or a cycle. Chrome never sends such a
 *   message, and its renderer could not parse one.
 * - FRAME_TOO_LARGE: a text over `maxBytes`, by default 1 MiB, the most Chrome accepts from a host.
 *   Sending it would make Chrome close the channel.
 */
export function encodeFrame(message: unknown, options: FrameOptions = {}): Buffer {
  const maxBytes = checkMaxBytes(options.maxBytes ?? MAX_HOST_TO_BROWSER_BYTES);
  let text: string | undefined;
  try {
    text = JSON.stringify(message);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new FrameError('NOT_SERIALIZABLE', `The message cannot be sent: JSON.stringify threw (${reason}).`, { cause });
  }
  if (text === undefined) {
    throw new FrameError(
      'NOT_SERIALIZABLE',
      `The message cannot be sent: ${describe(message)} has no JSON text. Send null or a JSON value instead.`,
    );
  }
  const byteLength = Buffer.byteLength(text, 'utf8');
  if (byteLength > maxBytes) {
    const consequence =
      maxBytes === MAX_HOST_TO_BROWSER_BYTES
        ? ` Chrome would close the channel ("${NATIVE_HOST_COMMUNICATION_ERROR}").`
        : '';
    throw new FrameError(
      'FRAME_TOO_LARGE',
      `The message is ${byteLength} bytes of JSON; the limit is ${maxBytes}.${consequence}`,
    );
  }
  const frame = Buffer.allocUnsafe(HEADER_BYTES + byteLength);
  writeLength(frame, byteLength, options.byteOrder ?? NATIVE_BYTE_ORDER);
  frame.write(text, HEADER_BYTES, 'utf8');
  return frame;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  return `a ${typeof value}`;
}
