import { endianness } from 'node:os';
import { MAX_MESSAGE_BYTES } from '../../core/serialization.ts';

/** Every frame starts with a 32-bit unsigned length. */
export const HEADER_BYTES = 4;

/**
 * The most a host may send Chrome in one message. A header announcing more makes Chrome close the
 * channel with NATIVE_HOST_COMMUNICATION_ERROR before reading the body.
 * (chrome/browser/extensions/api/messaging/native_message_process_host.cc, kMaximumNativeMessageSize)
 */
export const MAX_HOST_TO_BROWSER_BYTES = 1024 * 1024;

/** The most Chrome sends a host in one message: the renderer's own message limit (mojom::kMaxMessageBytes). */
export const MAX_BROWSER_TO_HOST_BYTES = MAX_MESSAGE_BYTES;

/** The byte order of the length header. Chrome uses the machine's own order. */
export type ByteOrder = 'LE' | 'BE';

export const NATIVE_BYTE_ORDER: ByteOrder = endianness();

export interface FrameOptions {
  /** Largest message body, in bytes. */
  maxBytes?: number;
  /** Byte order of the length header; defaults to the machine's (what Chrome uses). */
  byteOrder?: ByteOrder;
}

export function readLength(bytes: Uint8Array, byteOrder: ByteOrder): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  return view.getUint32(0, byteOrder === 'LE');
}

export function writeLength(target: Uint8Array, length: number, byteOrder: ByteOrder): void {
  new DataView(target.buffer, target.byteOffset, HEADER_BYTES).setUint32(0, length, byteOrder === 'LE');
}

export function checkMaxBytes(maxBytes: number): number {
  if (!Number.isInteger(maxBytes) || maxBytes < 0 || maxBytes > 0xffffffff) {
    throw new RangeError(`maxBytes must be an integer from 0 to 4294967295, got ${maxBytes}`);
  }
  return maxBytes;
}
