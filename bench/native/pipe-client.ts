/**
 * The browser's side of a native host's pipes, without a browser: a real child process, frames
 * written to its stdin and read back from its stdout. One class per codec: Switchboard's host
 * codec, chrome-native-messaging's transforms, and the unframed floor.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import nativeMessaging from 'chrome-native-messaging';
import { FrameDecoder, MAX_HOST_TO_BROWSER_BYTES, encodeFrame } from '../../src/native/host/index.ts';

export interface EchoClient {
  /** Sends `message` and resolves when the host's echo of it has arrived and been decoded. */
  echo(message: unknown): Promise<void>;
  close(): Promise<void>;
}

function start(script: string): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [script, 'chrome-extension://hmgnjbkafgigngklcblojpimfcpkmbjl/'], { stdio: 'pipe' });
  child.stderr.pipe(process.stderr);
  return child;
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin.end();
  });
}

/** Switchboard's codec: encodeFrame out, FrameDecoder in (read as Chrome reads a host, 1 MiB limit). */
export function switchboardCodecClient(script: string): EchoClient {
  const child = start(script);
  const decoder = new FrameDecoder({ maxBytes: MAX_HOST_TO_BROWSER_BYTES });
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      if (!frame.ok) throw frame.error;
      waiting?.();
    }
  });
  return {
    echo: (message) =>
      new Promise((resolve) => {
        waiting = resolve;
        child.stdin.write(encodeFrame(message, { maxBytes: 64 * 1024 * 1024 }));
      }),
    close: () => stop(child),
  };
}

/** chrome-native-messaging's Output transform out, its Input transform in. */
export function chromeNativeMessagingClient(script: string): EchoClient {
  const child = start(script);
  const output = new nativeMessaging.Output();
  output.pipe(child.stdin);
  const input = new nativeMessaging.Input();
  child.stdout.pipe(input);
  let waiting: (() => void) | undefined;
  input.on('data', () => waiting?.());
  return {
    echo: (message) =>
      new Promise((resolve) => {
        waiting = resolve;
        output.write(message);
      }),
    close: async () => {
      output.end();
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    },
  };
}

/** The floor: the message's JSON bytes to a process that pipes them straight back, no framing, no parsing. */
export function rawPipeClient(script: string): EchoClient {
  const child = start(script);
  let expected = 0;
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    expected -= chunk.length;
    if (expected <= 0) waiting?.();
  });
  return {
    echo: (message) =>
      new Promise((resolve) => {
        const bytes = Buffer.from(JSON.stringify(message));
        expected = bytes.length;
        waiting = resolve;
        child.stdin.write(bytes);
      }),
    close: () => stop(child),
  };
}
