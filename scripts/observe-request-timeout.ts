/**
 * Observes Chrome's 5-minute request timeout on an extension service worker, once, in real
 * Chromium (about 6 minutes): an extension page sends the worker a one-time message whose listener
 * returns true and never answers. DevTools is detached from the worker (as the waitForIdleStop step
 * does: Chromium never idle-stops a worker DevTools is attached to), then Target.getTargets is polled
 * every 100 ms until the worker's target is gone, and the page's sendMessage promise until it settles.
 * docs/chromium-observations.md (Q19) records what it printed.
 *
 *   node --import tsx scripts/observe-request-timeout.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Worker } from 'playwright-core';
import { chromiumExecutable } from '../src/chromium/executable.ts';

const LIMIT_MS = 8 * 60_000 - 20_000;
const log = (...values: unknown[]): void => console.log(new Date().toISOString(), ...values);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const extensionDir = mkdtempSync(join(tmpdir(), 'request-timeout-extension-'));
writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Hang', version: '1.0', background: { service_worker: 'sw.js' } }));
writeFileSync(join(extensionDir, 'sw.js'), `
console.log('top level', Date.now());
chrome.runtime.onMessage.addListener(() => {
  console.log('heard', Date.now());
  return true; // never answers
});`);
writeFileSync(join(extensionDir, 'page.html'), '<!doctype html><title>page</title><script src="page.js"></script>');
writeFileSync(join(extensionDir, 'page.js'), `
window.hang = () => {
  const sent = Date.now();
  chrome.runtime.sendMessage('hang').then(
    (value) => { window.result = { sent, settled: Date.now(), value: String(value) }; },
    (error) => { window.result = { sent, settled: Date.now(), error: error.message }; });
  return sent;
};`);

const profile = mkdtempSync(join(tmpdir(), 'request-timeout-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumExecutable(),
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions', '--disable-back-forward-cache'],
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-extension-debugging'],
});
try {
  context.on('console', (message) => {
    if (message.worker()) log('worker console:', message.text());
  });
  const browser = context.browser()!;
  const session = await browser.newBrowserCDPSession();
  const { id } = (await session.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as { id: string };
  log('Chromium', browser.version(), 'extension', id);
  const workerTargets = async (): Promise<string[]> => {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${id}/`)).map((target) => target.targetId);
  };
  const page = await context.newPage();
  for (const other of context.pages()) if (other !== page) await other.close();
  await page.goto(`chrome-extension://${id}/page.html`);
  await sleep(1000);
  const before = await workerTargets();
  const sent = (await page.evaluate('hang()')) as number;
  log('message sent at', sent);
  await sleep(300);
  for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${id}/`))) {
    type Internal = { _connection: { toImpl(object: Worker): { _session: { detach(): Promise<void> } } } };
    await (worker as unknown as Internal)._connection.toImpl(worker)._session.detach();
    log('DevTools detached from the worker');
  }
  let stoppedAt: number | undefined;
  let result: { settled: number } | undefined;
  while (Date.now() < sent + LIMIT_MS && (stoppedAt === undefined || result === undefined)) {
    if (stoppedAt === undefined && !(await workerTargets()).some((target) => before.includes(target))) {
      stoppedAt = Date.now();
      log('worker stopped', (stoppedAt - sent) / 1000, 's after the message');
    }
    if (result === undefined) {
      result = (await page.evaluate('window.result')) as { settled: number } | undefined;
      if (result) log('sendMessage settled', (result.settled - sent) / 1000, 's after the message:', JSON.stringify(result));
    }
    await sleep(100);
  }
  if (stoppedAt === undefined) log(`the worker still runs after ${LIMIT_MS / 1000} s`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
}
