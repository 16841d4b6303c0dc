import type { Readable, Writable } from 'node:stream';
import type { DecodedFrame } from './frame-decoder.ts';
import { FrameDecoderStream } from './frame-streams.ts';
import { encodeFrame } from './frame-encoder.ts';
import { FrameError } from './frame-error.ts';
import { type LaunchArguments, parseLaunchArguments } from './launch-arguments.ts';
import { type ByteOrder, MAX_BROWSER_TO_HOST_BYTES, MAX_HOST_TO_BROWSER_BYTES, NATIVE_BYTE_ORDER } from './limits.ts';

export interface NativeHostOptions {
  /** Where Chrome's frames come from. Default: process.stdin. */
  input?: Readable;
  /** Where this host's frames go. Default: process.stdout. Nothing else may ever be written to it. */
  output?: Writable;
  /** The command-line arguments after the script. Default: process.argv.slice(2). */
  args?: readonly string[];
  /** Largest incoming message. Default: 64 MiB, the most Chrome sends. */
  maxIncomingBytes?: number;
  /** Largest outgoing message. Default: 1 MiB, the most Chrome accepts from a host. */
  maxOutgoingBytes?: number;
  /** Default: the machine's byte order, as Chrome uses. */
  byteOrder?: ByteOrder;
  /**
   * Called for each message, in order, as soon as it arrives; a returned promise is not awaited
   * before the next message (as with an event listener), but the host waits for all of them before
   * it finishes. A throw or rejection goes to `onError` and the host goes on.
   * Without `onMessage`, read with `host.messages()`.
   */
  onMessage?: (message: unknown, host: NativeHost) => unknown;
  /**
   * A frame whose body was not UTF-8 JSON. The host skips it and goes on, as Chrome skips a host's
   * malformed message. Default: a line on stderr.
   */
  onInvalidMessage?: (error: FrameError, host: NativeHost) => void;
  /**
   * Errors that do not belong to one message: a handler's throw, a fatal input error (a header over
   * the limit, input ending inside a frame), an output error. Default: a line on stderr, and exit
   * code 1 when the host runs on process.stdin.
   */
  onError?: (error: unknown, host: NativeHost) => void;
}

/**
 * One native messaging host connection: Chrome on the other end of stdin/stdout. Chrome closes
 * stdin when the port disconnects; the host then finishes its handlers and pending writes and
 * `done` resolves. With process stdio and no other open handles, Node then exits with code 0.
 */
export class NativeHost {
  readonly launch: LaunchArguments;
  /**
   * Settles when the connection is over: the input ended (or `close()`), every handler settled,
   * every send flushed, the output ended. Rejects with the fatal input error or the output error.
   */
  readonly done: Promise<void>;
  readonly #input: Readable;
  readonly #output: Writable;
  readonly #decoder: FrameDecoderStream;
  readonly #options: NativeHostOptions;
  readonly #handlers = new Set<Promise<unknown>>();
  #lastWrite: Promise<void> = Promise.resolve();
  #outputError: Error | undefined;
  #reading = false;
  #closed = false;
  #stopping = false;
  #ending = false;
  #finish!: (error?: unknown) => void;

  constructor(options: NativeHostOptions = {}) {
    this.#options = options;
    this.#input = options.input ?? process.stdin;
    this.#output = options.output ?? process.stdout;
    this.launch = parseLaunchArguments(options.args ?? process.argv.slice(2));
    this.done = new Promise<void>((resolve, reject) => {
      this.#finish = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.done.catch(() => undefined); // reported through onError; awaiting `done` still sees it
    this.#decoder = new FrameDecoderStream({
      maxBytes: options.maxIncomingBytes ?? MAX_BROWSER_TO_HOST_BYTES,
      byteOrder: options.byteOrder ?? NATIVE_BYTE_ORDER,
    });
    this.#input.on('error', (error) => this.#decoder.destroy(error));
    this.#output.on('error', (error) => {
      this.#outputError ??= error;
    });
    this.#input.pipe(this.#decoder);
    if (options.onMessage) void this.#dispatch(options.onMessage);
  }

  /** `chrome-extension://<id>/` of the calling extension (the first argument), if Chrome started this host. */
  get origin(): string | undefined {
    return this.launch.origin;
  }

  get extensionId(): string | undefined {
    return this.launch.extensionId;
  }

  /**
   * The messages from Chrome, in order; ends when Chrome closes the input. The next message is read
   * only when the loop asks for it, so a slow loop slows the reading (backpressure). Throws on a
   * fatal input error. Only one reader: not with `onMessage`, and only once.
   */
  messages(): AsyncGenerator<unknown, void, undefined> {
    if (this.#reading) throw new Error('NativeHost: messages are already being read');
    this.#reading = true;
    return this.#read();
  }

  /**
   * Frames `message` and writes it as one write. Rejects with a FrameError, having written nothing,
   * when the message has no JSON text or is over the limit (1 MiB). Resolves when the output can
   * take more: at once while it is under its high-water mark, otherwise when this frame has been
   * flushed (the output has drained up to it). Rejects if the output fails.
   */
  send(message: unknown): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('NativeHost: the host has finished; nothing more can be sent'));
    if (this.#outputError) return Promise.reject(this.#outputError);
    let frame: Buffer;
    try {
      frame = encodeFrame(message, {
        maxBytes: this.#options.maxOutgoingBytes ?? MAX_HOST_TO_BROWSER_BYTES,
        byteOrder: this.#options.byteOrder ?? NATIVE_BYTE_ORDER,
      });
    } catch (error) {
      return Promise.reject(error);
    }
    let flushed!: Promise<void>;
    const written = new Promise<void>((resolve, reject) => {
      flushed = new Promise<void>((resolveFlushed) => {
        const ready = this.#output.write(frame, (error) => {
          resolveFlushed();
          if (error) reject(error);
          else resolve();
        });
        if (ready) resolve();
      });
    });
    written.catch(() => undefined); // the caller sees it; `done` sees the output error too
    this.#lastWrite = flushed;
    return written;
  }

  /**
   * Stops reading: no more messages are delivered. Resolves when the writes sent so far are flushed;
   * `done` follows once running handlers settle, and then the output is ended (unless it is
   * process.stdout). Chrome then sees the host go away. Safe to await inside `onMessage`.
   */
  async close(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#input.unpipe(this.#decoder);
      this.#input.destroy();
      if (this.#reading) this.#decoder.push(null);
      else void this.#end(undefined);
    }
    await this.#lastWrite;
  }

  async *#read(): AsyncGenerator<unknown, void, undefined> {
    let failure: unknown;
    try {
      for await (const frame of this.#decoder as AsyncIterable<DecodedFrame>) {
        if (this.#stopping) break;
        if (frame.ok) yield frame.message;
        else if (frame.error.recoverable) this.#invalid(frame.error);
        else throw frame.error;
      }
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await this.#end(failure);
    }
  }

  async #dispatch(onMessage: NonNullable<NativeHostOptions['onMessage']>): Promise<void> {
    this.#reading = true;
    try {
      for await (const message of this.#read()) {
        const handler = (async () => onMessage(message, this))().catch((error: unknown) => this.#report(error));
        this.#handlers.add(handler);
        void handler.finally(() => this.#handlers.delete(handler));
      }
    } catch {
      // already reported by #end
    }
  }

  #invalid(error: FrameError): void {
    if (this.#options.onInvalidMessage) this.#options.onInvalidMessage(error, this);
    else process.stderr.write(`native host: skipped a message: ${error.message}\n`);
  }

  #report(error: unknown): void {
    if (this.#options.onError) {
      this.#options.onError(error, this);
      return;
    }
    const text = error instanceof FrameError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`native host: ${text}\n`);
    if (this.#input === process.stdin) process.exitCode = 1;
  }

  async #end(failure: unknown): Promise<void> {
    if (this.#ending) return;
    this.#ending = true;
    if (failure !== undefined) {
      this.#input.unpipe(this.#decoder);
      this.#input.destroy();
    }
    while (this.#handlers.size > 0) await Promise.allSettled([...this.#handlers]);
    await this.#lastWrite;
    this.#closed = true;
    if (this.#output !== process.stdout) this.#output.end();
    const error = failure ?? this.#outputError;
    if (error !== undefined) this.#report(error);
    this.#finish(error);
  }
}

/** Starts a host on process stdin/stdout (or the given streams). See NativeHostOptions. */
export function createNativeHost(options: NativeHostOptions = {}): NativeHost {
  return new NativeHost(options);
}
