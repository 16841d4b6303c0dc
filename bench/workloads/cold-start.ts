/** Cold start: createBrowser, install the extension, open a tab, and the first answered message. */
import { floorRequest } from '../floor/json-hop.ts';
import { timeTask } from '../harness.ts';
import { FAKE_BROWSER, listenWithFakeBrowser, sendWithFakeBrowser } from '../peers/fake-browser.ts';
import { chromiumCell, iterations, value, type Row, type WorkloadContext } from '../row.ts';
import { createTabFixture } from '../switchboard/fixture.ts';
import type { Browser } from '../../src/index.ts';
import { ANSWER, REQUEST } from './one-time.ts';

export async function coldStart(context: WorkloadContext): Promise<Row> {
  const n = iterations(context, 300);
  let last: Browser | undefined;
  const switchboard = await timeTask(
    'switchboard cold start',
    async () => {
      const { content, browser } = createTabFixture({
        serviceWorker: (chrome) => {
          chrome.runtime.onMessage.addListener((_request, _sender, sendResponse) => {
            sendResponse(ANSWER);
          });
        },
      });
      await content.runtime.sendMessage(REQUEST);
      last = browser;
    },
    {
      iterations: n,
      // Closing is not part of the start: done outside the timed call.
      afterEach: async () => {
        last?.close();
        await last?.idle();
      },
    },
  );
  const floor = await timeTask('floor cold start', () => floorRequest(REQUEST, () => ANSWER), { iterations: n });
  const peer = await timeTask(
    'fake-browser cold start',
    () => {
      listenWithFakeBrowser(() => ANSWER);
      return sendWithFakeBrowser(REQUEST);
    },
    { iterations: n },
  );
  return {
    id: 'cold-start',
    workload: 'cold start: new browser + install + tab + first answered message',
    unit: 'ms',
    better: 'lower',
    switchboard: switchboard.medianMs,
    chromium: chromiumCell(context, 'cold-start', 'medianMs'),
    floor: value(floor.medianMs),
    peer: { name: FAKE_BROWSER, ...value(peer.medianMs) },
    note: 'Chromium: launch, load the unpacked extension, open the page, until the first answer is reported',
  };
}
