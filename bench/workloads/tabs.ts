/**
 * Many tabs: N tabs, each with the content script, each receiving one message from the service
 * worker (tabs.sendMessage, answered). Time and retained heap per tab at two sizes show how they grow.
 */
import { floorRequest } from '../floor/json-hop.ts';
import { heapUsedAfterGc, timeTask } from '../harness.ts';
import { FAKE_BROWSER, FAKE_BROWSER_CANNOT } from '../peers/fake-browser.ts';
import { missing, value, type Row, type WorkloadContext } from '../row.ts';
import { SITE, createExtension, type ExtensionFixture } from '../switchboard/fixture.ts';

const NOTE = 'thousands of tabs do not fit in headless Chromium on this 2-core machine';
export const TAB_MESSAGE = { hello: 'tab' };

/** A browser with `tabs` tabs, each of whose content scripts has received and answered one message. */
async function openTabsAndMessageEach(tabs: number): Promise<ExtensionFixture> {
  const fixture = createExtension({
    serviceWorker: () => undefined,
    contentScript: (chrome) => {
      chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
        sendResponse('ok');
      });
    },
  });
  const ids: number[] = [];
  for (let i = 0; i < tabs; i++) ids.push(fixture.browser.openTab({ url: `${SITE}page-${i}.html`, active: false }).id);
  const answers = await Promise.all(ids.map((id) => fixture.worker.tabs.sendMessage(id, TAB_MESSAGE)));
  if (answers.some((answer) => answer !== 'ok')) throw new Error('a tab did not answer');
  return fixture;
}

export async function manyTabs(context: WorkloadContext, tabs: number): Promise<Row[]> {
  const samples = tabs >= 10_000 ? 3 : 7;
  const time = await timeTask(
    `switchboard ${tabs} tabs`,
    async () => {
      const { browser } = await openTabsAndMessageEach(tabs);
      browser.close();
      // The disconnects close() posts still hold the browser: let them run before the next sample.
      await browser.idle();
    },
    { iterations: samples, warmupIterations: 1 },
  );
  // Retained memory: the heap with every tab open and messaged, less the heap before.
  const before = heapUsedAfterGc();
  const fixture = await openTabsAndMessageEach(tabs);
  await fixture.browser.idle();
  const after = heapUsedAfterGc();
  fixture.browser.close();
  await fixture.browser.idle();

  const floor = await timeTask(
    `floor ${tabs} messages`,
    () => Promise.all(Array.from({ length: tabs }, () => floorRequest(TAB_MESSAGE, () => 'ok'))),
    { iterations: samples, warmupIterations: 1 },
  );
  const size = tabs.toLocaleString('en-US');
  const chromium = missing(NOTE);
  const peer = { name: FAKE_BROWSER, ...missing(FAKE_BROWSER_CANNOT) };
  return [
    {
      id: `tabs-${tabs}-time`,
      workload: `${size} tabs, each content script gets one message: time per tab`,
      unit: 'µs/tab',
      better: 'lower',
      switchboard: (time.medianMs * 1000) / tabs,
      chromium,
      floor: value((floor.medianMs * 1000) / tabs),
      peer,
      note: `open ${size} tabs (content script injected in each), tabs.sendMessage to each, all answered; total ${time.medianMs.toFixed(0)} ms`,
    },
    {
      id: `tabs-${tabs}-memory`,
      workload: `${size} tabs: retained heap per tab`,
      unit: 'KiB/tab',
      better: 'lower',
      switchboard: (after - before) / 1024 / tabs,
      chromium,
      floor: missing('no model of a tab'),
      peer,
      note: `heap after gc() with every tab open, less before: ${((after - before) / 1024 / 1024).toFixed(1)} MiB`,
    },
  ];
}
