/**
 * What sealing costs: the one-time request, the port ping-pong and 1 KiB throughput between sealed
 * contexts (an unpacked extension from disk: its service worker in a vm realm, its content script
 * in an isolated world over a jsdom page, each behind its membrane), timed in the same rounds as
 * the in-process API's unsealed contexts (in-code scripts in the host realm); and what a sealed tab
 * costs (its jsdom document, main world and content script's isolated world).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrowser, type Browser, type Port } from '../../src/index.ts';
import { attachDom, loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { floorRequest, floorStream } from '../floor/json-hop.ts';
import { heapUsedAfterGc, timeInterleaved, timeTask } from '../harness.ts';
import { chromiumCell, iterations, missing, value, type Row, type WorkloadContext } from '../row.ts';
import { SITE, createTabFixture } from '../switchboard/fixture.ts';
import { ANSWER, REQUEST, scaled } from './one-time.ts';
import { PING, messageOfSize, nextMessage } from './ports.ts';

const NO_PEER = { name: 'none', ...missing('no peer runs contexts in sealed realms') };
const BATCH = 1000;

/** The extension's files: the worker answers, echoes and counts; the content script exposes its drivers on `bench`. */
const FILES: Record<string, string> = {
  'manifest.json': JSON.stringify({
    manifest_version: 3,
    name: 'Sealed bench',
    version: '1.0',
    background: { service_worker: 'sw.js' },
    content_scripts: [{ matches: [`${SITE}*`], js: ['content.js'] }],
  }),
  'sw.js': `
    chrome.runtime.onMessage.addListener((request, sender, sendResponse) => { sendResponse(${JSON.stringify(ANSWER)}); });
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name === 'ping') port.onMessage.addListener((message) => port.postMessage(message));
      else { let received = 0; port.onMessage.addListener(() => { if (++received % ${BATCH} === 0) port.postMessage('batch'); }); }
    });`,
  'content.js': `
    const request = ${JSON.stringify(REQUEST)};
    const ping = chrome.runtime.connect({ name: 'ping' });
    const stream = chrome.runtime.connect({ name: 'stream' });
    const next = (port) => new Promise((resolve) => {
      const listener = (message) => { port.onMessage.removeListener(listener); resolve(message); };
      port.onMessage.addListener(listener);
    });
    globalThis.bench = {
      oneTime: () => chrome.runtime.sendMessage(request),
      pingPong: () => { const answer = next(ping); ping.postMessage(${JSON.stringify(PING)}); return answer; },
      batch: (message) => { const done = next(stream); for (let i = 0; i < ${BATCH}; i++) stream.postMessage(message); return done; },
    };`,
};

interface SealedDrivers {
  oneTime(): Promise<unknown>;
  pingPong(): Promise<unknown>;
  batch(message: unknown): Promise<unknown>;
}

function writeExtension(): string {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-bench-sealed-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(root, name), text);
  return root;
}

/** A browser with DOM support and the sealed extension loaded from `root`, and `tabs` tabs on SITE. */
async function sealedBrowser(root: string, tabs: number): Promise<{ browser: Browser; drivers: SealedDrivers | undefined }> {
  const browser = createBrowser();
  attachDom(browser, { pages: (url) => (url.startsWith(SITE) ? '<!doctype html><p>bench</p>' : undefined) });
  const extension = loadUnpacked(browser, root);
  let first;
  for (let i = 0; i < tabs; i++) {
    const tab = browser.openTab({ url: `${SITE}page-${i}.html`, active: false });
    first ??= tab;
  }
  await browser.idle();
  const world = first?.mainFrame.contentScript(extension);
  const drivers = world ? (realmOfContext(world)?.global.bench as SealedDrivers | undefined) : undefined;
  return { browser, drivers };
}

export async function sealedMessaging(context: WorkloadContext): Promise<Row[]> {
  const root = writeExtension();
  try {
    const { browser, drivers } = await sealedBrowser(root, 1);
    if (!drivers) throw new Error('the sealed content script did not run');
    const unsealed = createTabFixture({
      serviceWorker: (chrome) => {
        chrome.runtime.onMessage.addListener((_request, _sender, sendResponse) => {
          sendResponse(ANSWER);
        });
        chrome.runtime.onConnect.addListener((port: Port) => {
          let received = 0;
          port.onMessage.addListener((message) => {
            if (port.name === 'ping') port.postMessage(message);
            else if (++received % BATCH === 0) port.postMessage('batch');
          });
        });
      },
    });
    const ping = unsealed.content.runtime.connect({ name: 'ping' });
    const stream = unsealed.content.runtime.connect({ name: 'stream' });

    const n = iterations(context, 20_000);
    const oneTime = await timeInterleaved(
      {
        sealed: () => drivers.oneTime(),
        unsealed: () => unsealed.content.runtime.sendMessage(REQUEST),
        floor: () => floorRequest(REQUEST, () => ANSWER),
      },
      { iterations: n },
    );
    const pingPong = await timeInterleaved(
      {
        sealed: () => drivers.pingPong(),
        unsealed: () => {
          const answer = nextMessage(ping);
          ping.postMessage(PING);
          return answer;
        },
        floor: () => floorRequest(PING, (m) => m),
      },
      { iterations: n },
    );
    const kib = messageOfSize(1024);
    const throughput = await timeInterleaved(
      {
        sealed: () => drivers.batch(kib),
        unsealed: () => {
          const done = nextMessage(stream);
          for (let i = 0; i < BATCH; i++) stream.postMessage(kib);
          return done;
        },
        floor: () => floorStream(kib, BATCH, () => undefined),
      },
      { iterations: iterations(context, 60), warmupIterations: 3 },
    );
    browser.close();
    unsealed.browser.close();

    const rate = (ms: number): number => (BATCH / ms) * 1000;
    // How much longer a message takes sealed: times divide as they are, rates the other way round.
    const vs = (sealed: number, plain: number, unit: string) =>
      `unsealed in-process API in the same rounds: ${plain.toFixed(unit === 'msg/s' ? 0 : 2)} ${unit} (sealed takes ${(unit === 'msg/s' ? plain / sealed : sealed / plain).toFixed(2)}× the unsealed time)`;
    /** A round trip's row, in µs, beside the unsealed contexts timed in the same rounds. */
    const roundTrip = (id: string, workload: string, times: typeof oneTime, chromiumWorkload: string): Row => {
      const sealed = times.sealed.medianMs * 1000;
      const unsealed = times.unsealed.medianMs * 1000;
      return {
        id,
        workload,
        unit: 'µs',
        better: 'lower',
        switchboard: sealed,
        unsealed,
        chromium: scaled(chromiumCell(context, chromiumWorkload, 'medianMs'), 1000),
        floor: value(times.floor.medianMs * 1000),
        peer: NO_PEER,
        note: vs(sealed, unsealed, 'µs'),
      };
    };
    const rows: Row[] = [
      roundTrip('sealed-one-time', 'sealed realms: one-time request → service worker → answer', oneTime, 'one-time'),
      roundTrip('sealed-ping-pong', 'sealed realms: port ping-pong', pingPong, 'ping-pong'),
      {
        id: 'sealed-throughput-1kib',
        workload: 'sealed realms: one-way port throughput, 1 KiB messages',
        unit: 'msg/s',
        better: 'higher',
        switchboard: rate(throughput.sealed.medianMs),
        unsealed: rate(throughput.unsealed.medianMs),
        chromium: chromiumCell(context, 'throughput-1kib', 'messagesPerSecond'),
        floor: value(rate(throughput.floor.medianMs)),
        peer: NO_PEER,
        note: vs(rate(throughput.sealed.medianMs), rate(throughput.unsealed.medianMs), 'msg/s'),
      },
    ];
    rows.push(...(await sealedTabs(context, root)));
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Time and retained heap per sealed tab: a jsdom document, its main world and the content script's world. */
async function sealedTabs(context: WorkloadContext, root: string): Promise<Row[]> {
  const tabs = Math.max(10, Math.round(200 * context.scale));
  const time = await timeTask(
    `sealed ${tabs} tabs`,
    async () => {
      const { browser } = await sealedBrowser(root, tabs);
      browser.close();
      await browser.idle();
    },
    { iterations: 3, warmupIterations: 1 },
  );
  const before = heapUsedAfterGc();
  const { browser } = await sealedBrowser(root, tabs);
  const after = heapUsedAfterGc();
  browser.close();
  await browser.idle();
  const chromium = missing('not measured in Chromium');
  return [
    {
      id: 'sealed-tabs-time',
      workload: `${tabs} sealed tabs (jsdom page, content script in its world): time per tab`,
      unit: 'µs/tab',
      better: 'lower',
      switchboard: (time.medianMs * 1000) / tabs,
      chromium,
      floor: missing('no model of a tab'),
      peer: NO_PEER,
      note: `an unpacked extension from disk, ${tabs} tabs on a served page; total ${time.medianMs.toFixed(0)} ms`,
    },
    {
      id: 'sealed-tabs-memory',
      workload: `${tabs} sealed tabs: retained heap per tab`,
      unit: 'KiB/tab',
      better: 'lower',
      switchboard: (after - before) / 1024 / tabs,
      chromium,
      floor: missing('no model of a tab'),
      peer: NO_PEER,
      note: `heap after gc() with every tab open, less before: ${((after - before) / 1024 / 1024).toFixed(1)} MiB`,
    },
  ];
}
