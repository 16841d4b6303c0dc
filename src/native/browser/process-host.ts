/**
 * One native host process, the browser's side of the pipes
 * (chrome/browser/extensions/api/messaging/native_message_process_host.cc):
 *
 * - messages to the host are the extension's JSON text, framed; those posted before the process
 *   runs are queued and written once it does;
 * - the host's stdout is read as it comes, with the host library's FrameDecoder: each complete
 *   frame goes to the client as text (the receiving context parses it: a bad one is its problem,
 *   not the channel's); a header over 1 MiB closes with NATIVE_HOST_COMMUNICATION_ERROR;
 * - end of the host's stdout closes with NATIVE_HOST_EXITED; a read or write error with
 *   NATIVE_HOST_COMMUNICATION_ERROR;
 * - close() does what destroying the process host does: both pipes are closed (the host reads end
 *   of input), and a host still running 2 s later is killed with SIGKILL (base::EnsureProcessTerminated).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  NATIVE_HOST_COMMUNICATION_ERROR,
  NATIVE_HOST_EXITED,
  NATIVE_HOST_FAILED_TO_START,
} from '../../core/errors.ts';
import type { NativeHostClient, NativeHostEndpoint } from '../../core/native-host.ts';
import { FrameDecoder } from '../host/frame-decoder.ts';
import { HEADER_BYTES, MAX_HOST_TO_BROWSER_BYTES, NATIVE_BYTE_ORDER, writeLength } from '../host/limits.ts';
import type { HostCommand } from './resolve-host.ts';

/** How long a host may take to exit once its pipes are closed (base::EnsureProcessTerminated). */
export const HOST_EXIT_GRACE_MS = 2000;

/** What becomes of a host's stderr. Chrome lets hosts inherit its own. */
export type HostStderr = 'inherit' | 'ignore' | ((chunk: string) => void);

export interface HostExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A launched host process, for whoever watches (tests, the CLI). */
export interface HostProcessInfo {
  readonly pid: number | undefined;
  readonly command: HostCommand;
  /** Settles when the process has exited (or never started: then code and signal are null). */
  readonly exited: Promise<HostExit>;
}

export interface ProcessHostOptions {
  readonly stderr?: HostStderr;
  /** Default HOST_EXIT_GRACE_MS. */
  readonly exitGraceMs?: number;
}

/**
 * Frames JSON text for the host: the text must go out byte for byte as the extension's renderer
 * produced it, so it is not parsed and re-encoded (encodeFrame takes values); the header is the
 * host library's.
 */
export function frameJsonText(json: string): Buffer {
  const byteLength = Buffer.byteLength(json, 'utf8');
  const frame = Buffer.allocUnsafe(HEADER_BYTES + byteLength);
  writeLength(frame, byteLength, NATIVE_BYTE_ORDER);
  frame.write(json, HEADER_BYTES, 'utf8');
  return frame;
}

export class NativeMessageProcessHost implements NativeHostEndpoint {
  readonly #client: NativeHostClient;
  readonly #options: ProcessHostOptions;
  readonly #queue: string[] = [];
  readonly #decoder = new FrameDecoder({ maxBytes: MAX_HOST_TO_BROWSER_BYTES });
  #child: ChildProcess | undefined;
  #info: HostProcessInfo | undefined;
  #exited = false;
  /** The channel is over: nothing more goes to the client, and the process is on its way out. */
  #closed = false;

  constructor(client: NativeHostClient, options: ProcessHostOptions = {}) {
    this.#client = client;
    this.#options = options;
  }

  /** The process, once launched. */
  get process(): HostProcessInfo | undefined {
    return this.#info;
  }

  /** Lookup or checks failed before any process: the channel closes with Chrome's error. */
  fail(error: string): void {
    this.#closeWith(error);
  }

  /** LaunchNativeProcess: stdin and stdout are pipes, the working directory is the host's folder. */
  launch(command: HostCommand): HostProcessInfo | undefined {
    if (this.#closed) return undefined;
    let child: ChildProcess;
    try {
      child = spawn(command.file, [...command.args], {
        cwd: command.cwd,
        stdio: ['pipe', 'pipe', typeof this.#options.stderr === 'function' ? 'pipe' : (this.#options.stderr ?? 'inherit')],
        windowsHide: true,
      });
    } catch {
      // Pipes or the process could not be created at all (LaunchNativeProcess returned false).
      this.#closeWith(NATIVE_HOST_FAILED_TO_START);
      return undefined;
    }
    this.#child = child;
    const exited = new Promise<HostExit>((resolve) => {
      child.once('exit', (code, signal) => {
        this.#exited = true;
        resolve({ code, signal });
      });
      // Chrome forks, then execs in the child: an exec that fails is a child that exits at once
      // (status 127), which the browser reads as end of output. Node reports it as 'error' instead.
      child.once('error', () => {
        this.#exited = true;
        resolve({ code: null, signal: null });
        this.#closeWith(NATIVE_HOST_EXITED);
      });
    });
    this.#info = { pid: child.pid, command, exited };
    const stderr = this.#options.stderr;
    if (typeof stderr === 'function') child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr(chunk));

    const stdout = child.stdout!;
    stdout.on('data', (chunk: Buffer) => this.#read(chunk));
    stdout.once('end', () => this.#closeWith(NATIVE_HOST_EXITED));
    stdout.once('error', () => this.#closeWith(NATIVE_HOST_COMMUNICATION_ERROR));
    const stdin = child.stdin!;
    stdin.on('error', () => this.#closeWith(NATIVE_HOST_COMMUNICATION_ERROR));
    for (const message of this.#queue.splice(0)) this.#write(message);
    return this.#info;
  }

  postMessage(message: string): void {
    if (this.#closed) return;
    if (this.#child) this.#write(message);
    else this.#queue.push(message);
  }

  close(): void {
    if (this.#closed && this.#child === undefined) return;
    this.#closed = true;
    this.#queue.length = 0;
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    // Closing the pipes drops whatever was not written yet; the host reads end of input.
    child.stdin?.destroy();
    child.stdout?.destroy();
    if (this.#exited) return;
    const grace = this.#options.exitGraceMs ?? HOST_EXIT_GRACE_MS;
    const timer = setTimeout(() => {
      if (!this.#exited) child.kill('SIGKILL');
    }, grace);
    child.once('exit', () => clearTimeout(timer));
  }

  #write(message: string): void {
    this.#child?.stdin?.write(frameJsonText(message));
  }

  #read(chunk: Buffer): void {
    if (this.#closed || this.#decoder.failure) return;
    for (const frame of this.#decoder.push(chunk)) {
      if (this.#closed) return;
      if (frame.ok) {
        // The host's own text: writing the message again would turn -0 into 0 and 1e400 into
        // null, and throw (a RangeError, uncaught) for a message nested deeper than the stack.
        this.#client.postMessageFromNativeHost(frame.text);
      } else if (frame.body !== undefined) {
        // Not UTF-8 or not JSON: the renderer gets the bytes as text (invalid UTF-8 becomes U+FFFD)
        // and decides, as Chrome's does.
        this.#client.postMessageFromNativeHost(frame.body.toString('utf8'));
      } else {
        // A header over 1 MiB: Chrome gives up before reading the body.
        this.#closeWith(NATIVE_HOST_COMMUNICATION_ERROR);
      }
    }
  }

  #closeWith(error: string): void {
    if (this.#closed) {
      this.close();
      return;
    }
    this.#closed = true;
    this.#client.closeChannel(error);
    this.close();
  }
}
