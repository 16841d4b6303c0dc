/**
 * Random native messaging byte streams: frames of JSON, of text that is not JSON, of bytes that
 * are not UTF-8, deep JSON, -0 and 1e400, headers announcing up to 4 GiB, garbage, streams cut off
 * anywhere, all split into chunks at random. Through the host library's FrameDecoder and
 * FrameDecoderStream (against a reference decoder written here), and through the browser's reader
 * of a real host process into an extension's port (against Chrome's rules for what a host sends).
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { createBrowser, type Browser, type ExtensionChrome } from '../../src/index.ts';
import { MALFORMED_JSON_MESSAGE, NATIVE_HOST_COMMUNICATION_ERROR, NATIVE_HOST_EXITED } from '../../src/core/errors.ts';
import {
  type ByteOrder,
  type DecodedFrame,
  FrameDecoder,
  FrameDecoderStream,
  FrameError,
  MAX_BROWSER_TO_HOST_BYTES,
  MAX_HOST_TO_BROWSER_BYTES,
  NATIVE_BYTE_ORDER,
} from '../../src/native/host/index.ts';
import { assertArrivedAs } from './json-oracle.ts';
import { countCase, watchingHost, withDeadline } from './watch.ts';

// ----- streams -----

const header = (length: number, byteOrder: ByteOrder): Buffer => {
  const bytes = Buffer.alloc(4);
  if (byteOrder === 'LE') bytes.writeUInt32LE(length);
  else bytes.writeUInt32BE(length);
  return bytes;
};

/** A body: what a host writes between headers, JSON or not. */
const body: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')), weight: 6 },
  {
    arbitrary: fc
      .constantFrom('-0', '1e400', '-1e400', '"\\ud800"', ' 1 ', '\ufeff1', '{"__proto__":{"a":1}}', '""', 'null', '{"a":1,"a":2}', '[1,]', "'x'", 'undefined', 'NaN', '{"a":1}x', '')
      .map((text) => Buffer.from(text)),
    weight: 3,
  },
  // Deep JSON: parsed at any depth, where writing it again with JSON.stringify overflows the stack.
  { arbitrary: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 20_000 }), weight: 9 }, fc.integer({ min: 100_000, max: 500_000 })).map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)), weight: 2 },
  // JSON with bytes that are not UTF-8 inside a string or outside.
  {
    arbitrary: fc
      .tuple(
        fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value) ?? 'null'),
        fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]),
        fc.boolean(),
      )
      .map(([text, bad, inString]) => Buffer.concat(inString ? [Buffer.from('"a'), Buffer.from(bad), Buffer.from(`b"`)] : [Buffer.from(text), Buffer.from(bad)])),
    weight: 2,
  },
);

/** One piece of a stream: a frame, a bare header (its body missing or short), or garbage. */
const segment = (byteOrder: ByteOrder): fc.Arbitrary<Buffer> =>
  fc.oneof(
    { arbitrary: body.map((bytes) => Buffer.concat([header(bytes.length, byteOrder), bytes])), weight: 8 },
    {
      arbitrary: fc
        .oneof(fc.constantFrom(0xffffffff, 0x80000000, MAX_HOST_TO_BROWSER_BYTES + 1, MAX_HOST_TO_BROWSER_BYTES, MAX_BROWSER_TO_HOST_BYTES + 1, 1), fc.nat({ max: 0xffffffff }))
        .map((length) => header(length, byteOrder)),
      weight: 1,
    },
    { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 7 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  );

interface Stream {
  readonly bytes: Buffer;
  readonly byteOrder: ByteOrder;
  /** The decoder's limit; undefined for its default (64 MiB). */
  readonly maxBytes: number | undefined;
  readonly chunks: readonly Buffer[];
}

/** Where to cut `bytes`: chunks of any size, empty ones included. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = at.map((point) => point % (bytes.length + 1)).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const stream: fc.Arbitrary<Stream> = fc
  .tuple(fc.constantFrom<ByteOrder>('LE', 'BE'), fc.option(fc.constantFrom(0, 16, 1000, MAX_HOST_TO_BROWSER_BYTES, MAX_BROWSER_TO_HOST_BYTES, 0xffffffff), { nil: undefined }))
  .chain(([byteOrder, maxBytes]) =>
    fc.tuple(fc.array(segment(byteOrder), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 })).map(([segments, at]) => {
      const bytes = Buffer.concat(segments);
      return { bytes, byteOrder, maxBytes, chunks: cut(bytes, at) };
    }),
  )
  .map((value) => printable(value, `${describeBytes(value.bytes)} (${value.byteOrder}, limit ${value.maxBytes ?? 'default'}) in ${value.chunks.length} chunks`));

/** fast-check prints a stream as its length and first bytes, not as every byte of it. */
function printable<T extends object>(value: T, text: string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => text });
}

const describeBytes = (bytes: Buffer): string => `${bytes.length} bytes, ${bytes.subarray(0, 48).toString('hex')}${bytes.length > 48 ? '…' : ''}`;

// ----- the reference decoder -----

type Expected =
  | { readonly kind: 'message'; readonly text: string; readonly byteLength: number }
  | { readonly kind: 'INVALID_UTF8' | 'INVALID_JSON'; readonly body: Buffer; readonly byteLength: number }
  | { readonly kind: 'FRAME_TOO_LARGE' | 'TRUNCATED'; readonly byteLength: number };

/** Valid UTF-8 is what survives decoding and encoding again unchanged (invalid bytes become U+FFFD). */
const isUtf8 = (bytes: Buffer): boolean => Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * The frames of a whole stream, read the simple way: a 4-byte length, then that many bytes. Also,
 * for each prefix length, how many bytes a decoder that has seen that prefix still holds.
 */
function reference(bytes: Buffer, byteOrder: ByteOrder, maxBytes: number): { frames: Expected[]; held: (prefix: number) => number } {
  const frames: Expected[] = [];
  /** Where each frame's header ends and where its body ends, to tell what a prefix holds. */
  const marks: { headerEnd: number; bodyEnd: number; fatal: boolean }[] = [];
  let at = 0;
  for (;;) {
    if (bytes.length - at < 4) {
      if (bytes.length > at) frames.push({ kind: 'TRUNCATED', byteLength: 0 });
      break;
    }
    const length = byteOrder === 'LE' ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at);
    if (length > maxBytes) {
      frames.push({ kind: 'FRAME_TOO_LARGE', byteLength: length });
      marks.push({ headerEnd: at + 4, bodyEnd: at + 4, fatal: true });
      break;
    }
    if (bytes.length - at - 4 < length) {
      frames.push({ kind: 'TRUNCATED', byteLength: length });
      marks.push({ headerEnd: at + 4, bodyEnd: Infinity, fatal: false });
      break;
    }
    const frameBody = bytes.subarray(at + 4, at + 4 + length);
    const text = frameBody.toString('utf8');
    if (!isUtf8(frameBody)) frames.push({ kind: 'INVALID_UTF8', body: frameBody, byteLength: length });
    else if (!parses(text)) frames.push({ kind: 'INVALID_JSON', body: frameBody, byteLength: length });
    else frames.push({ kind: 'message', text, byteLength: length });
    marks.push({ headerEnd: at + 4, bodyEnd: at + 4 + length, fatal: false });
    at += 4 + length;
  }
  const held = (prefix: number): number => {
    let consumed = 0;
    for (const mark of marks) {
      if (prefix < mark.headerEnd) break;
      if (mark.fatal) return 0;
      // A complete header is taken off at once; its body when it is whole.
      consumed = prefix >= mark.bodyEnd ? mark.bodyEnd : mark.headerEnd;
      if (prefix < mark.bodyEnd) break;
    }
    return prefix - consumed;
  };
  return { frames, held };
}

function assertFrames(actual: readonly DecodedFrame[], expected: readonly Expected[], where: string): void {
  assert.equal(actual.length, expected.length, `${where}: ${actual.map((f) => (f.ok ? 'message' : f.error.code)).join()} for ${expected.map((f) => f.kind).join()}`);
  actual.forEach((frame, i) => {
    const model = expected[i]!;
    const at = `${where}, frame ${i}`;
    assert.equal(frame.byteLength, model.byteLength, `${at}: byteLength`);
    if (model.kind === 'message') {
      assert.ok(frame.ok, `${at}: ${frame.ok ? '' : frame.error.message}`);
      assert.equal(frame.text, model.text, `${at}: the text as it came`);
      assertArrivedAs(frame.message, JSON.parse(model.text), at);
      return;
    }
    assert.ok(!frame.ok, `${at}: a message, expected ${model.kind}`);
    assert.ok(frame.error instanceof FrameError, `${at}: a FrameError`);
    assert.equal(frame.error.code, model.kind, at);
    assert.equal(frame.error.recoverable, model.kind === 'INVALID_UTF8' || model.kind === 'INVALID_JSON', `${at}: recoverable`);
    if ('body' in model) assert.ok(frame.body?.equals(model.body), `${at}: the body's bytes`);
    else assert.equal(frame.body, undefined, `${at}: no body`);
  });
}

// ----- the properties -----

/** The decoder, chunk by chunk: the reference's frames, and it never holds more than it must. */
function decodeChecked({ bytes, byteOrder, maxBytes, chunks }: Stream): void {
  const decoder = new FrameDecoder({ byteOrder, ...(maxBytes !== undefined && { maxBytes }) });
  const { frames: expected, held } = reference(bytes, byteOrder, maxBytes ?? MAX_BROWSER_TO_HOST_BYTES);
  const frames: DecodedFrame[] = [];
  let pushed = 0;
  for (const chunk of chunks) {
    if (decoder.failure) {
      // A failed decoder takes nothing more: it throws its error again.
      assert.throws(() => decoder.push(chunk), (error: unknown) => error === decoder.failure);
      continue;
    }
    frames.push(...decoder.push(chunk));
    pushed += chunk.length;
    // Memory: only the bytes of the frame in progress, never the length a header announced.
    assert.equal(decoder.bufferedBytes, held(pushed), `bytes held after ${pushed} of ${bytes.length}`);
  }
  if (decoder.failure) assert.throws(() => decoder.end(), (error: unknown) => error === decoder.failure);
  else frames.push(...decoder.end());
  assertFrames(frames, expected, 'FrameDecoder');
}

async function decodeAsStream({ bytes, byteOrder, maxBytes, chunks }: Stream): Promise<void> {
  const { frames: expected } = reference(bytes, byteOrder, maxBytes ?? MAX_BROWSER_TO_HOST_BYTES);
  const decoder = Readable.from(chunks.filter((chunk) => chunk.length > 0)).pipe(new FrameDecoderStream({ byteOrder, ...(maxBytes !== undefined && { maxBytes }) }));
  const frames: DecodedFrame[] = [];
  const collect = async (): Promise<void> => {
    for await (const frame of decoder) frames.push(frame as DecodedFrame);
  };
  await withDeadline(collect(), 20_000, 'FrameDecoderStream ending');
  assertFrames(frames, expected, 'FrameDecoderStream');
}

/** A header announcing up to 4 GiB, then some MiB: held as they came, nothing allocated for the rest. */
function hugeDeclaredLength(declared: number, mebibytes: number, at: readonly number[]): void {
  const decoder = new FrameDecoder({ maxBytes: 0xffffffff, byteOrder: 'LE' });
  const body = Buffer.alloc(mebibytes << 20, 0x20);
  const before = process.memoryUsage().arrayBuffers;
  assert.deepEqual(decoder.push(header(declared, 'LE')), []);
  for (const chunk of cut(body, at)) assert.deepEqual(decoder.push(chunk), []);
  assert.equal(decoder.bufferedBytes, body.length);
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 16 << 20, `${grown} bytes allocated for a header of ${declared}`);
  const [frame] = decoder.end();
  assert.ok(frame && !frame.ok && frame.error.code === 'TRUNCATED' && frame.byteLength === declared, 'the input ended inside the body');
  // The default limit refuses it at the header.
  const [refused] = new FrameDecoder({ byteOrder: 'LE' }).push(header(declared, 'LE'));
  assert.ok(refused && !refused.ok && refused.error.code === 'FRAME_TOO_LARGE');
}

/** A browser whose one native host writes `stream.bin` (whatever the test puts there) and exits. */
class HostRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'switchboard-fuzz-'));
  readonly console: string[] = [];
  readonly worker: ExtensionChrome;
  readonly #browser: Browser;

  constructor() {
    const id = 'abcdefghijklmnop'.repeat(2);
    const script = join(this.dir, 'host.sh');
    writeFileSync(script, '#!/bin/sh\nexec cat "$(dirname "$0")/stream.bin"\n');
    chmodSync(script, 0o755);
    const manifest = { name: 'com.switchboard.fuzz', description: 'fuzz', path: script, type: 'stdio', allowed_origins: [`chrome-extension://${id}/`] };
    writeFileSync(join(this.dir, 'com.switchboard.fuzz.json'), JSON.stringify(manifest));
    this.#browser = createBrowser({
      clock: 'manual',
      nativeMessaging: { hostDirs: [this.dir], stderr: 'ignore' },
      onConsole: (_context, message) => void this.console.push(message.text),
    });
    const extension = this.#browser.installExtension({
      id,
      manifest: { manifest_version: 3, name: 'Fuzz', version: '1', background: { service_worker: 'sw.js' }, permissions: ['nativeMessaging'] },
      scripts: { 'sw.js': () => undefined },
    });
    this.worker = extension.serviceWorker!.chrome as ExtensionChrome;
  }

  /** Connects to the host, which writes `bytes`; resolves with what the port saw. */
  async run(bytes: Buffer): Promise<{ messages: unknown[]; disconnected: string; console: string[] }> {
    writeFileSync(join(this.dir, 'stream.bin'), bytes);
    this.console.length = 0;
    const messages: unknown[] = [];
    const port = this.worker.runtime.connectNative!('com.switchboard.fuzz');
    port.onMessage.addListener((message) => void messages.push(message));
    const disconnected = new Promise<string>((resolve) => {
      port.onDisconnect.addListener(() => resolve(this.worker.runtime.lastError?.message ?? ''));
    });
    const error = await withDeadline(disconnected, 20_000, 'a native host port closing');
    return { messages, disconnected: error, console: [...this.console] };
  }

  close(): void {
    this.#browser.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Chrome's rules for what a host writes: each whole frame goes to the extension as text, which the
 * port parses (invalid UTF-8 read as U+FFFD) or, if it is not JSON, drops with a console error; a
 * header over 1 MiB closes the port with the communication error; the end of output (even inside
 * a frame) with "Native host has exited.".
 */
async function throughTheBrowser(rig: HostRig, bytes: Buffer): Promise<void> {
  const { frames } = reference(bytes, NATIVE_BYTE_ORDER, MAX_HOST_TO_BROWSER_BYTES);
  const texts = frames.flatMap((frame) => (frame.kind === 'message' ? [frame.text] : 'body' in frame ? [frame.body.toString('utf8')] : []));
  const delivered = texts.filter(parses);
  const seen = await rig.run(bytes);
  assert.equal(seen.messages.length, delivered.length, `${seen.messages.length} messages arrived of ${delivered.length}`);
  seen.messages.forEach((message, i) => assertArrivedAs(message, JSON.parse(delivered[i]!), `message ${i}`));
  assert.deepEqual(seen.console, new Array<string>(texts.length - delivered.length).fill(MALFORMED_JSON_MESSAGE), 'one console error per message that is not JSON');
  const tooLarge = frames.some((frame) => frame.kind === 'FRAME_TOO_LARGE');
  assert.equal(seen.disconnected, tooLarge ? NATIVE_HOST_COMMUNICATION_ERROR : NATIVE_HOST_EXITED);
}

export interface NativeStreamFuzzOptions {
  readonly seed?: number;
  /** How many of the streams also go through a real host process into an extension (default: 1 in 50). */
  readonly throughBrowser?: number;
}

/**
 * `runs` random byte streams: most through the FrameDecoder, a tenth through FrameDecoderStream, a
 * few headers of 2 to 4 GiB followed by MiBs of body, and `throughBrowser` of them through a host
 * process, the browser's reader and an extension's port.
 */
export async function fuzzNativeStreams(runs: number, options: NativeStreamFuzzOptions = {}): Promise<void> {
  const seed = options.seed !== undefined ? { seed: options.seed } : {};
  const throughBrowser = options.throughBrowser ?? Math.max(1, Math.floor(runs / 50));
  const asStream = Math.max(1, Math.floor(runs / 10));
  const huge = Math.max(1, Math.min(20, Math.floor(runs / 500)));
  await watchingHost(async (checkHost) => {
    fc.assert(
      fc.property(stream, (input) => {
        decodeChecked(input);
        countCase('native streams');
      }),
      { numRuns: Math.max(1, runs - asStream - huge - throughBrowser), ...seed },
    );

    await fc.assert(
      fc.asyncProperty(stream, async (input) => {
        await decodeAsStream(input);
        checkHost();
        countCase('native streams');
      }),
      { numRuns: asStream, ...seed },
    );

    fc.assert(
      fc.property(fc.integer({ min: 0x80000000, max: 0xffffffff }), fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { maxLength: 20 }), (declared, mebibytes, at) => {
        hugeDeclaredLength(declared, mebibytes, at);
        countCase('native streams');
      }),
      { numRuns: huge, ...seed },
    );

    const rig = new HostRig();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment(NATIVE_BYTE_ORDER), { maxLength: 8 }).map((segments) => {
            const bytes = Buffer.concat(segments);
            return printable(bytes, describeBytes(bytes));
          }),
          async (bytes) => {
            await throughTheBrowser(rig, bytes);
            checkHost();
            countCase('native streams');
          },
        ),
        { numRuns: throughBrowser, ...seed },
      );
    } finally {
      rig.close();
    }
  });
}
