/** Long-lived ports between a content script and the service worker: ping-pong, and one-way throughput. */
import { floorRequest, floorStream } from '../floor/json-hop.ts';
import { timeInterleaved } from '../harness.ts';
import { FAKE_BROWSER, FAKE_BROWSER_CANNOT } from '../peers/fake-browser.ts';
import { chromiumCell, iterations, missing, value, type Row, type WorkloadContext } from '../row.ts';
import { createTabFixture } from '../switchboard/fixture.ts';
import type { Port } from '../../src/index.ts';
import { scaled } from './one-time.ts';

export const PING = { ping: 1 };

/** Resolves with the port's next message. */
export function nextMessage(port: Port): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (message: unknown): void => {
      port.onMessage.removeListener(listener);
      resolve(message);
    };
    port.onMessage.addListener(listener);
  });
}

export async function portPingPong(context: WorkloadContext): Promise<Row> {
  const n = iterations(context, 20_000);
  const { content, browser } = createTabFixture({
    serviceWorker: (chrome) => {
      chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((message) => port.postMessage(message)));
    },
  });
  const port = content.runtime.connect({ name: 'ping' });
  const { switchboard, floor } = await timeInterleaved(
    {
      switchboard: () => {
        const answer = nextMessage(port);
        port.postMessage(PING);
        return answer;
      },
      floor: () => floorRequest(PING, (m) => m),
    },
    { iterations: n },
  );
  browser.close();
  return {
    id: 'ping-pong',
    workload: 'port ping-pong (content script ⇄ service worker)',
    unit: 'µs',
    better: 'lower',
    switchboard: switchboard.medianMs * 1000,
    chromium: scaled(chromiumCell(context, 'ping-pong', 'medianMs'), 1000),
    floor: value(floor.medianMs * 1000),
    peer: { name: FAKE_BROWSER, ...missing(FAKE_BROWSER_CANNOT) },
  };
}

/** A JSON message whose text is `bytes` long. */
export function messageOfSize(bytes: number): { data: string } {
  return { data: 'x'.repeat(bytes - '{"data":""}'.length) };
}

/**
 * One-way throughput: the content script posts `batch` messages, the service worker counts them;
 * one sample is the time until the last one arrived.
 */
export async function portThroughput(context: WorkloadContext, bytes: number): Promise<Row> {
  const large = bytes >= 1024 * 1024;
  const batch = large ? 20 : 1000;
  const samples = iterations(context, large ? 15 : 60);
  const message = messageOfSize(bytes);
  let received = 0;
  let done: (() => void) | undefined;
  const { content, browser } = createTabFixture({
    serviceWorker: (chrome) => {
      chrome.runtime.onConnect.addListener((port) =>
        port.onMessage.addListener(() => {
          if (++received === batch) done?.();
        }),
      );
    },
  });
  const port = content.runtime.connect({ name: 'stream' });
  const { switchboard, floor } = await timeInterleaved(
    {
      switchboard: () =>
        new Promise<void>((resolve) => {
          received = 0;
          done = resolve;
          for (let i = 0; i < batch; i++) port.postMessage(message);
        }),
      floor: () => floorStream(message, batch, () => undefined),
    },
    { iterations: samples, warmupIterations: 3, rounds: large ? 3 : 5 },
  );
  browser.close();
  const rate = (ms: number): number => (batch / ms) * 1000;
  const id = large ? 'throughput-1mib' : 'throughput-1kib';
  const chromium = chromiumCell(context, id, 'messagesPerSecond');
  return {
    id,
    workload: `one-way port throughput, ${large ? '1 MiB' : '1 KiB'} messages`,
    unit: 'msg/s',
    better: 'higher',
    switchboard: rate(switchboard.medianMs),
    chromium,
    floor: value(rate(floor.medianMs)),
    peer: { name: FAKE_BROWSER, ...missing(FAKE_BROWSER_CANNOT) },
    note: `batches of ${batch} messages from a content script; the service worker counts them`,
  };
}
