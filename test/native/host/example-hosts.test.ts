import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type DecodedFrame, encodeFrame, FrameDecoder, MAX_BROWSER_TO_HOST_BYTES } from '../../../src/native/host/index.ts';

const HOSTS = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/native-hosts');
const ORIGIN = 'chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/';

/**
 * A host process started the way Chrome starts one: the executable itself, the origin as its first
 * argument, stdin and stdout as pipes. (The working directory is another one, to show the host
 * does not depend on it.)
 */
class RunningHost {
  readonly process: ChildProcessWithoutNullStreams;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly #decoder = new FrameDecoder();
  readonly #frames: DecodedFrame[] = [];
  #waiting: (() => void) | undefined;
  stderr = '';

  constructor(file: string, args: readonly string[] = [ORIGIN]) {
    this.process = spawn(join(HOSTS, file), args, { cwd: tmpdir(), stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => {
      this.#frames.push(...this.#decoder.push(chunk));
      this.#waiting?.();
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exit = once(this.process, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  send(message: unknown): void {
    this.process.stdin.write(encodeFrame(message, { maxBytes: MAX_BROWSER_TO_HOST_BYTES }));
  }

  async reply(): Promise<unknown> {
    while (this.#frames.length === 0) {
      await Promise.race([
        new Promise<void>((resolve) => (this.#waiting = resolve)),
        this.exit.then(() => assert.fail(`the host exited without replying; stderr:\n${this.stderr}`)),
      ]);
    }
    const frame = this.#frames.shift();
    assert.ok(frame?.ok, `the host wrote something that is not a JSON frame: ${JSON.stringify(frame)}`);
    return frame.message;
  }

  /** What Chrome does on disconnect: close the host's stdin. Resolves with its exit. */
  async disconnect(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.process.stdin.end();
    return this.exit;
  }

  /** Nothing but whole frames came out of stdout. */
  assertOnlyFrames(): void {
    assert.deepEqual(this.#decoder.end(), [], 'stdout ended inside a frame');
    assert.deepEqual(this.#frames, [], 'unread frames are left');
  }
}

for (const { file, kind } of [
  { file: 'echo-host.mjs', kind: 'node' },
  { file: 'echo_host.py', kind: 'python' },
]) {
  describe(`example host ${file} (a real process)`, () => {
    it('echoes each message with metadata, in order, and exits 0 when stdin closes', async () => {
      const host = new RunningHost(file);
      host.send({ hello: 'world' });
      host.send([1, 'два', null]);
      const first = (await host.reply()) as Record<string, unknown>;
      assert.deepEqual(first.echo, { hello: 'world' });
      assert.equal(first.count, 1);
      assert.equal(first.origin, ORIGIN);
      assert.equal(first.host, kind);
      assert.deepEqual(((await host.reply()) as Record<string, unknown>).echo, [1, 'два', null]);
      assert.deepEqual(await host.disconnect(), { code: 0, signal: null });
      host.assertOnlyFrames();
    });

    it('answers many messages written in one chunk, and one message written a byte at a time', async () => {
      const host = new RunningHost(file);
      host.process.stdin.write(Buffer.concat(Array.from({ length: 50 }, (_, i) => encodeFrame({ i }))));
      for (let i = 0; i < 50; i++) assert.deepEqual(((await host.reply()) as Record<string, unknown>).echo, { i });
      const frame = encodeFrame({ slow: true });
      for (const byte of frame) {
        host.process.stdin.write(Buffer.from([byte]));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      assert.deepEqual(((await host.reply()) as Record<string, unknown>).echo, { slow: true });
      assert.deepEqual(await host.disconnect(), { code: 0, signal: null });
      host.assertOnlyFrames();
    });

    it('a 512 KiB message makes the round trip intact', async () => {
      const host = new RunningHost(file);
      const big = { blob: Array.from({ length: 512 * 1024 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('') };
      assert.ok(encodeFrame(big).length > 512 * 1024);
      host.send(big);
      assert.deepEqual(((await host.reply()) as Record<string, unknown>).echo, big);
      assert.deepEqual(await host.disconnect(), { code: 0, signal: null });
      host.assertOnlyFrames();
    });

    it('exits 0 right away when stdin is closed before any message', async () => {
      const host = new RunningHost(file, []);
      assert.deepEqual(await host.disconnect(), { code: 0, signal: null });
      host.assertOnlyFrames();
    });

    it('logs to stderr only: stdout carries frames and nothing else', async () => {
      const host = new RunningHost(file);
      host.send('x');
      await host.reply();
      await host.disconnect();
      host.assertOnlyFrames();
      assert.match(host.stderr, /started/);
    });

    it('a stream cut inside a frame is an error exit, not a clean one', async () => {
      const host = new RunningHost(file);
      host.process.stdin.write(encodeFrame('never finished').subarray(0, 7));
      const { code } = await host.disconnect();
      assert.equal(code, 1);
      host.assertOnlyFrames();
    });
  });
}

describe('example host echo-host.mjs: the 1 MiB limit', () => {
  it('a reply over 1 MiB is refused by the library and never reaches stdout', async () => {
    const host = new RunningHost('echo-host.mjs');
    host.send({ command: 'size', bytes: 1024 * 1024 });
    const reply = (await host.reply()) as Record<string, unknown>;
    assert.equal(reply.code, 'FRAME_TOO_LARGE');
    host.send({ command: 'size', bytes: 1024 * 1024 - 20 }); // {"data":"…"} is 11 bytes more
    assert.equal(((await host.reply()) as { data: string }).data.length, 1024 * 1024 - 20);
    assert.deepEqual(await host.disconnect(), { code: 0, signal: null });
    host.assertOnlyFrames();
  });

  it('{"command":"exit"} makes the host reply, then exit 0 by itself', async () => {
    const host = new RunningHost('echo-host.mjs');
    host.send({ command: 'exit' });
    await host.reply();
    assert.deepEqual(await host.exit, { code: 0, signal: null });
    host.assertOnlyFrames();
  });
});

describe('example host manifests', () => {
  for (const name of ['com.switchboard.echo_node', 'com.switchboard.echo_python']) {
    it(`${name}.json has the fields Chrome checks, and its file name is its name`, async () => {
      const manifest = JSON.parse(await readFile(join(HOSTS, `${name}.json`), 'utf8')) as Record<string, unknown>;
      assert.equal(manifest.name, name);
      assert.match(name, /^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
      assert.equal(typeof manifest.description, 'string');
      assert.notEqual(manifest.description, '');
      assert.equal(manifest.type, 'stdio');
      assert.match(String(manifest.path), /^\//, 'path must be absolute on Linux and macOS');
      assert.ok(Array.isArray(manifest.allowed_origins));
      for (const origin of manifest.allowed_origins as unknown[]) {
        assert.match(String(origin), /^chrome-extension:\/\/[a-p]{32}\/$/);
      }
    });
  }
});
