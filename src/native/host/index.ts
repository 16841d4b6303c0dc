/**
 * The host side of native messaging: what a native messaging host written in Node needs to talk to
 * Chrome over stdin/stdout. Log to stderr: stdout carries frames and nothing else.
 */
export { createNativeHost, NativeHost, type NativeHostOptions } from './host.ts';
export { parseLaunchArguments, type LaunchArguments } from './launch-arguments.ts';
export { FrameDecoder, type DecodedFrame } from './frame-decoder.ts';
export { encodeFrame } from './frame-encoder.ts';
export { FrameDecoderStream, FrameEncoderStream, type OutgoingMessage } from './frame-streams.ts';
export { FrameError, type FrameErrorCode } from './frame-error.ts';
export {
  HEADER_BYTES,
  MAX_BROWSER_TO_HOST_BYTES,
  MAX_HOST_TO_BROWSER_BYTES,
  NATIVE_BYTE_ORDER,
  type ByteOrder,
  type FrameOptions,
} from './limits.ts';
