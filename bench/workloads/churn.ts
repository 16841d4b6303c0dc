/** 100,000 connect/disconnect cycles: time per cycle, and the heap before and after (flat = no leak). */
import { heapUsedAfterGc, nextTurn, timeTask } from '../harness.ts';
import { FAKE_BROWSER, FAKE_BROWSER_CANNOT } from '../peers/fake-browser.ts';
import { chromiumCell, iterations, missing, value, type Row, type WorkloadContext } from '../row.ts';
import { createTabFixture } from '../switchboard/fixture.ts';
import type { ContentScriptChrome } from '../../src/index.ts';
import { scaled } from './one-time.ts';

/** The content script connects; the service worker's onConnect disconnects; the opener hears onDisconnect. */
function cycle(content: ContentScriptChrome): Promise<void> {
  return new Promise((resolve) => {
    content.runtime.connect({ name: 'churn' }).onDisconnect.addListener(() => resolve());
  });
}

export async function connectChurn(context: WorkloadContext): Promise<Row[]> {
  const cycles = iterations(context, 100_000, 1000);
  const { content, browser } = createTabFixture({
    serviceWorker: (chrome) => {
      chrome.runtime.onConnect.addListener((port) => port.disconnect());
    },
  });
  const time = await timeTask('switchboard connect/disconnect', () => cycle(content), { iterations: iterations(context, 20_000) });
  await browser.idle();
  const before = heapUsedAfterGc();
  for (let i = 0; i < cycles; i++) await cycle(content);
  await browser.idle();
  const after = heapUsedAfterGc();
  const openChannels = browser.messageService.channelCount;
  browser.close();
  const floor = await timeTask('floor connect/disconnect', () => nextTurn(), { iterations: iterations(context, 20_000) });
  const peer = { name: FAKE_BROWSER, ...missing(FAKE_BROWSER_CANNOT) };
  const count = cycles.toLocaleString('en-US');
  return [
    {
      id: 'churn-time',
      workload: 'connect → onConnect disconnects → onDisconnect: one cycle',
      unit: 'µs',
      better: 'lower',
      switchboard: time.medianMs * 1000,
      chromium: scaled(chromiumCell(context, 'churn', 'medianMs'), 1000),
      floor: value(floor.medianMs * 1000),
      peer,
      note: 'floor: one event-loop hop',
    },
    {
      id: 'churn-heap',
      workload: `heap growth across ${count} connect/disconnect cycles`,
      unit: 'KiB',
      better: 'lower',
      switchboard: (after - before) / 1024,
      chromium: missing('heap of a browser is not comparable'),
      floor: value(0),
      peer,
      note: `heap after gc(): ${(before / 1048576).toFixed(1)} MiB before, ${(after / 1048576).toFixed(1)} MiB after; ${openChannels} channels left open`,
    },
  ];
}
