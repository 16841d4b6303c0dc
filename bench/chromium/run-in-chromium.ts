/**
 * Runs the bench's Chromium folders (bench/chromium/<workload>/, each a scenario folder) in real
 * headless Chromium through the conformance harness's Chromium engine, and reads the one
 * observation each reports: console.log('@sb', 'result', {...}), measured by the extension itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumEngine } from '../../src/chromium/chromium-engine.ts';
import { sleep, type Driver } from '../../src/conformance/engine.ts';
import { loadScenario } from '../../src/conformance/scenario.ts';

const here = dirname(fileURLToPath(import.meta.url));

export const NATIVE_HOST_NAME = 'com.switchboard.bench_echo';
export const ECHO_HOST = join(here, '..', 'native', 'echo-host.mjs');
/** The id Chrome derives from the "key" in bench/chromium/native-echo/extension/manifest.json. */
const NATIVE_ECHO_EXTENSION_ID = 'hmgnjbkafgigngklcblojpimfcpkmbjl';

/** A user-level host manifest for the bench's echo host, allowing `extensionId`. */
export function writeEchoHostManifest(dir: string, extensionId: string): void {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: NATIVE_HOST_NAME,
    description: 'Switchboard bench: echoes every message',
    path: ECHO_HOST,
    type: 'stdio',
    allowed_origins: [`chrome-extension://${extensionId}/`],
  };
  writeFileSync(join(dir, `${NATIVE_HOST_NAME}.json`), JSON.stringify(manifest, null, 2));
}

const engine = createChromiumEngine({
  // Chrome looks for user-level hosts in <user-data-dir>/NativeMessagingHosts on Linux.
  prepareProfile: (userDataDir) => writeEchoHostManifest(join(userDataDir, 'NativeMessagingHosts'), NATIVE_ECHO_EXTENSION_ID),
});

export interface ChromiumRun {
  readonly result: Readonly<Record<string, number>>;
  /** From the engine's start (launch) to the result observation, in milliseconds. */
  readonly elapsedMs: number;
}

/** Runs bench/chromium/<workload> and returns what its extension reported. */
export async function runInChromium(workload: string, timeoutMs = 60_000): Promise<ChromiumRun> {
  const scenario = loadScenario(join(here, workload));
  const started = performance.now();
  const driver = await engine.start(scenario);
  try {
    await driver.openTab('http://a.test/index.html', 1);
    const json = await waitForResult(driver, timeoutMs);
    const elapsedMs = performance.now() - started;
    const result = JSON.parse(json) as Record<string, unknown>;
    if (typeof result.error === 'string') throw new Error(`${workload} in Chromium: ${result.error}`);
    const numbers: Record<string, number> = {};
    for (const [key, v] of Object.entries(result)) if (typeof v === 'number') numbers[key] = v;
    return { result: numbers, elapsedMs };
  } finally {
    await driver.dispose();
  }
}

async function waitForResult(driver: Driver, timeoutMs: number): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await driver.settle();
    const found = driver.observations.find((o) => o.label === 'result');
    if (found) return found.json ?? '{}';
    if (performance.now() > deadline) throw new Error(`no result within ${timeoutMs} ms`);
    await sleep(5);
  }
}
