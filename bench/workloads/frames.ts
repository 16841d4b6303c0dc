/** tabs.sendMessage from the service worker to a tab of 50 frames, each with the content script. */
import { floorFanOut } from '../floor/json-hop.ts';
import { timeTask } from '../harness.ts';
import { FAKE_BROWSER, FAKE_BROWSER_CANNOT } from '../peers/fake-browser.ts';
import { chromiumCell, iterations, missing, value, type Row, type WorkloadContext } from '../row.ts';
import { SITE, createExtension } from '../switchboard/fixture.ts';
import { scaled } from './one-time.ts';

export const FRAMES = 50;
export const BROADCAST = { broadcast: 'to every frame' };

/**
 * Every frame's listener runs and none answers: the call resolves (undefined) once the last of the
 * 50 receivers has closed its end, so one sample covers the delivery to all of them.
 */
export async function tabOfFiftyFrames(context: WorkloadContext): Promise<Row> {
  const n = iterations(context, 3000);
  let heard = 0;
  const { browser, worker } = createExtension({
    allFrames: true,
    serviceWorker: () => undefined,
    contentScript: (chrome) => {
      chrome.runtime.onMessage.addListener(() => {
        heard++;
      });
    },
  });
  const children = Array.from({ length: FRAMES - 1 }, (_, i) => `${SITE}frame-${i}.html`);
  const tab = browser.openTab({ url: SITE, frames: children });
  const switchboard = await timeTask('switchboard 50 frames', () => worker.tabs.sendMessage(tab.id, BROADCAST), { iterations: n });
  if (heard < n * FRAMES) throw new Error(`50 frames: ${heard} deliveries for ${n}+ messages`);
  browser.close();
  const floor = await timeTask('floor 50 frames', () => floorFanOut(BROADCAST, FRAMES, () => undefined), { iterations: n });
  return {
    id: 'frames-50',
    workload: 'tabs.sendMessage to a tab of 50 frames',
    unit: 'µs',
    better: 'lower',
    switchboard: switchboard.medianMs * 1000,
    chromium: scaled(chromiumCell(context, 'frames-50', 'medianMs'), 1000),
    floor: value(floor.medianMs * 1000),
    peer: { name: FAKE_BROWSER, ...missing(FAKE_BROWSER_CANNOT) },
    note: 'every frame listens, none answers: resolves when all 50 receivers have closed',
  };
}
