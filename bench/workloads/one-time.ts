/** A content script's one-time request to the service worker and its answer: round-trip latency. */
import { floorRequest } from '../floor/json-hop.ts';
import { timeInterleaved } from '../harness.ts';
import { FAKE_BROWSER, listenWithFakeBrowser, sendWithFakeBrowser } from '../peers/fake-browser.ts';
import { chromiumCell, iterations, value, type Row, type WorkloadContext } from '../row.ts';
import { createTabFixture } from '../switchboard/fixture.ts';

export const REQUEST = { greeting: 'hello', from: 'content script', n: 1 };
export const ANSWER = { farewell: 'goodbye' };

export async function oneTimeRequest(context: WorkloadContext): Promise<Row> {
  const n = iterations(context, 20_000);
  const { content, browser } = createTabFixture({
    serviceWorker: (chrome) => {
      chrome.runtime.onMessage.addListener((_request, _sender, sendResponse) => {
        sendResponse(ANSWER);
      });
    },
  });
  listenWithFakeBrowser(() => ANSWER);
  const timings = await timeInterleaved(
    {
      switchboard: () => content.runtime.sendMessage(REQUEST),
      floor: () => floorRequest(REQUEST, () => ANSWER),
      peer: () => sendWithFakeBrowser(REQUEST),
    },
    { iterations: n },
  );
  browser.close();
  const { switchboard, floor, peer } = timings;

  return {
    id: 'one-time',
    workload: 'one-time request → service worker → answer',
    unit: 'µs',
    better: 'lower',
    switchboard: switchboard.medianMs * 1000,
    chromium: scaled(chromiumCell(context, 'one-time', 'medianMs'), 1000),
    floor: value(floor.medianMs * 1000),
    peer: { name: FAKE_BROWSER, ...value(peer.medianMs * 1000) },
  };
}

/** A Chromium cell converted (e.g. ms → µs). */
export function scaled<T extends { value: number } | { missing: string }>(cell: T, factor: number): T {
  return 'value' in cell ? { ...cell, value: cell.value * factor } : cell;
}
