/**
 * `switchboard native talk <name|manifest.json> [--origin chrome-extension://<id>/]`: drives a host
 * exactly as Chrome would for connectNative. The host is looked up and checked as Chrome does, and
 * started with the origin as its only argument in its own folder; each JSON line typed on stdin is
 * sent framed; each message from the host is printed as `< <json>` (a message that is not JSON, as
 * Chrome's console error). Once stdin has ended and the host has been quiet for `quietMs` (so that
 * piped input still gets its answers), the port disconnects as Chrome's does: the host reads end of
 * input, and is killed with SIGKILL 2 s later if still running. The host's exit is printed with its
 * code or signal.
 */
import { createInterface } from 'node:readline';
import { MALFORMED_JSON_MESSAGE } from '../core/errors.ts';
import { NativeMessageProcessHost, parseNativeHostManifestText, resolveNativeHost } from '../native/browser/index.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extensionIdOfOrigin, isManifestArgument, lookupOptions, type NativeCliOptions } from './native-check.ts';

export interface TalkIo {
  readonly input: NodeJS.ReadableStream;
  /** How long the host must stay silent after the end of input before the port disconnects. Default 500. */
  readonly quietMs?: number;
  readonly write: (line: string) => void;
  readonly error: (line: string) => void;
}

/** Resolves with the exit status the command should have: 0 after a conversation, 1 if the host could not be used. */
export async function nativeTalk(target: string, options: NativeCliOptions, io: TalkIo): Promise<number> {
  const manifestFile = isManifestArgument(target) ? resolve(target) : undefined;
  let name = target;
  let origin = options.origin;
  if (manifestFile !== undefined) {
    try {
      const parsed = parseNativeHostManifestText(readFileSync(manifestFile, 'utf8'));
      if (parsed.ok) {
        name = parsed.manifest.name;
        // Without --origin, speak as the first extension the manifest allows.
        origin ??= parsed.manifest.allowedOrigins.map(String).find((pattern) => extensionIdOfOrigin(pattern.replace(/\*$/, '')));
      }
    } catch (error) {
      io.error(`cannot read ${manifestFile}: ${(error as Error).message}`);
      return 1;
    }
  }
  const extensionId = extensionIdOfOrigin((origin ?? '').replace(/\*$/, ''));
  if (extensionId === undefined) {
    io.error(origin === undefined ? 'give the calling extension: --origin chrome-extension://<id>/' : `--origin ${origin} is not chrome-extension://<32 letters a-p>/`);
    return 1;
  }
  const resolution = resolveNativeHost(name, extensionId, { ...lookupOptions(options), ...(manifestFile !== undefined && { manifestFile }) });
  if (resolution.error !== undefined || !resolution.command) {
    io.error(`Chrome would fail: ${resolution.error ?? '?'}${resolution.reason ? ` (${resolution.reason})` : ''}`);
    io.error(`run "switchboard native check ${target}" for details`);
    return 1;
  }

  let heard = (): void => undefined;
  let closed!: (error: string) => void;
  const channelClosed = new Promise<string>((done) => (closed = done));
  const host = new NativeMessageProcessHost({
    postMessageFromNativeHost(message) {
      heard();
      try {
        io.write(`< ${JSON.stringify(JSON.parse(message))}`);
      } catch {
        io.error(`! ${MALFORMED_JSON_MESSAGE}`);
      }
    },
    closeChannel: (error) => closed(error),
  });
  const started = host.launch(resolution.command);
  if (!started) {
    io.error(`Chrome would fail: ${await channelClosed}`);
    return 1;
  }
  io.error(`started ${resolution.command.file} ${resolution.command.args.join(' ')} (pid ${started.pid ?? '?'}, in ${resolution.command.cwd})`);
  io.error('type one JSON message per line; end input (Ctrl-D) to disconnect');

  const lines = createInterface({ input: io.input, terminal: false });
  // The end of input, then a quiet host.
  const inputEnded = new Promise<'input ended'>((done) => {
    lines.once('close', () => {
      let timer = setTimeout(() => done('input ended'), io.quietMs ?? 500);
      heard = () => {
        clearTimeout(timer);
        timer = setTimeout(() => done('input ended'), io.quietMs ?? 500);
      };
      void channelClosed.then(() => clearTimeout(timer));
    });
  });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      io.error(`not sent: not JSON (${(error as Error).message})`);
      return;
    }
    // What the extension's JSON.stringify would produce.
    host.postMessage(JSON.stringify(value));
  });

  const first = await Promise.race([channelClosed, inputEnded]);
  if (first === 'input ended') {
    io.error('disconnecting: the host reads end of input (SIGKILL after 2 s if it is still running)');
    host.close();
  } else {
    io.error(`port disconnected: ${first}`);
    lines.close();
  }
  const exit = await started.exited;
  io.error(exit.signal !== null ? `host exited: killed by ${exit.signal}` : exit.code !== null ? `host exited with code ${exit.code}` : 'host could not be started');
  return 0;
}
