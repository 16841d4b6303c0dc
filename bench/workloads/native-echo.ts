/**
 * A native messaging host's echo through a real process, small and 512 KiB messages. Switchboard:
 * chrome.runtime.connectNative from the service worker, the host started by Switchboard's launcher;
 * and its host codec (encodeFrame/FrameDecoder) driving the same host directly. Chromium: its own
 * native messaging with the same host. Peer: chrome-native-messaging's codec on both ends. Floor: the
 * same JSON bytes through a process that pipes them back, unframed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrowser, type ExtensionChrome, type Port } from '../../src/index.ts';
import { ECHO_HOST, NATIVE_HOST_NAME, writeEchoHostManifest } from '../chromium/run-in-chromium.ts';
import { timeTask, type Timing } from '../harness.ts';
import { chromeNativeMessagingClient, rawPipeClient, switchboardCodecClient, type EchoClient } from '../native/pipe-client.ts';
import { chromiumCell, iterations, value, type Row, type WorkloadContext } from '../row.ts';
import { scaled } from './one-time.ts';

const CNM_HOST = join(import.meta.dirname, '..', 'native', 'cnm-echo-host.mjs');
const RAW_ECHO = join(import.meta.dirname, '..', 'native', 'raw-echo.mjs');
const PEER = 'chrome-native-messaging';
const EXTENSION_ID = 'hmgnjbkafgigngklcblojpimfcpkmbjl';

export const SMALL = { greeting: 'hello', n: 1 };
export const LARGE = { data: 'x'.repeat(512 * 1024 - '{"data":""}'.length) };

interface Sizes {
  readonly small: Timing;
  readonly large: Timing;
}

async function measureBoth(name: string, echo: (message: unknown) => Promise<unknown>, context: WorkloadContext): Promise<Sizes> {
  const small = await timeTask(`${name} small`, () => echo(SMALL), { iterations: iterations(context, 3000) });
  const large = await timeTask(`${name} 512 KiB`, () => echo(LARGE), { iterations: iterations(context, 60), warmupIterations: 5 });
  return { small, large };
}

async function withClient(name: string, client: EchoClient, context: WorkloadContext): Promise<Sizes> {
  try {
    return await measureBoth(name, (m) => client.echo(m), context);
  } finally {
    await client.close();
  }
}

/** Switchboard's connectNative, if this build has it (another engineer is adding it), else undefined. */
async function connectNativeEcho(context: WorkloadContext): Promise<Sizes | undefined> {
  const hostDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-hosts-'));
  writeEchoHostManifest(hostDir, EXTENSION_ID);
  const browser = createBrowser({ nativeMessaging: { hostDirs: [hostDir] } });
  try {
    let worker: ExtensionChrome | undefined;
    browser.installExtension({
      id: EXTENSION_ID,
      manifest: { manifest_version: 3, name: 'Bench native', version: '1.0', permissions: ['nativeMessaging'], background: { service_worker: 'sw.js' } },
      scripts: { 'sw.js': ({ chrome }) => void (worker = chrome as ExtensionChrome) },
    });
    const runtime = worker?.runtime as (ExtensionChrome['runtime'] & { connectNative?: (name: string) => Port }) | undefined;
    if (!runtime?.connectNative) return undefined;
    const port = runtime.connectNative(NATIVE_HOST_NAME);
    let echoed: (() => void) | undefined;
    let failure: string | undefined;
    port.onMessage.addListener(() => echoed?.());
    port.onDisconnect.addListener(() => {
      failure = 'the host disconnected';
    });
    const echo = (message: unknown): Promise<void> =>
      new Promise((resolve, reject) => {
        if (failure) reject(new Error(failure));
        echoed = resolve;
        port.postMessage(message);
      });
    const sizes = await measureBoth('switchboard connectNative', echo, context);
    port.disconnect();
    return sizes;
  } finally {
    browser.close();
    await browser.idle();
    rmSync(hostDir, { recursive: true, force: true });
  }
}

export async function nativeEcho(context: WorkloadContext): Promise<Row[]> {
  const viaApi = await connectNativeEcho(context);
  const codec = await withClient('switchboard host codec', switchboardCodecClient(ECHO_HOST), context);
  const peer = await withClient('chrome-native-messaging', chromeNativeMessagingClient(CNM_HOST), context);
  const floor = await withClient('raw pipe', rawPipeClient(RAW_ECHO), context);
  const rows: Row[] = [];
  for (const size of ['small', 'large'] as const) {
    const label = size === 'small' ? 'small message' : '512 KiB message';
    const chromium = scaled(chromiumCell(context, 'native-echo', size === 'small' ? 'smallMs' : 'largeMs'), 1000);
    const common = { unit: 'µs', better: 'lower' as const, chromium, floor: value(floor[size].medianMs * 1000) };
    const peerCell = { name: PEER, ...value(peer[size].medianMs * 1000) };
    if (viaApi) {
      rows.push({
        id: `native-${size}`,
        workload: `native host echo, ${label}: connectNative port`,
        switchboard: viaApi[size].medianMs * 1000,
        ...common,
        peer: peerCell,
        note: 'service worker ⇄ bench/native/echo-host.mjs (a real node process), host started by Switchboard',
      });
    }
    rows.push({
      id: `native-codec-${size}`,
      workload: `native host echo, ${label}: host codec through a real process`,
      switchboard: codec[size].medianMs * 1000,
      ...common,
      peer: peerCell,
      note: 'encodeFrame/FrameDecoder ⇄ the same echo host; peer: its own codec on both ends and its own echo host',
    });
  }
  return rows;
}
