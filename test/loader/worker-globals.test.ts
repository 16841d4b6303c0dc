import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

/** Runs `source` in the extension's worker and resolves with what it resolves to, as JSON (its arrays are the realm's). */
async function inWorker(worker: Parameters<typeof realmOfContext>[0], source: string): Promise<unknown> {
  const value = await (realmOfContext(worker)!.evaluate(`(async () => { ${source} })()`, 'test:worker') as Promise<unknown>);
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

describe('the service worker\'s web platform', () => {
  it('fetch reads the extension\'s own files; json() gives the realm\'s own objects', async () => {
    const { browser } = loaderFixture();
    const worker = loadUnpacked(browser, fixtureDir('module-worker-chain')).serviceWorker!;
    const result = await inWorker(worker, `
      const response = await fetch('manifest.json');
      const manifest = await response.json();
      return [response.headers.get('content-type'), manifest.name, Object.getPrototypeOf(manifest) === Object.prototype, response instanceof Response];`);
    assert.deepEqual(result, ['application/json', 'Module worker with an import chain', true, true]);
  });

  it('a failed fetch nobody catches is the worker\'s unhandled rejection, not the host process\'s', async () => {
    const { browser, consoleOf } = loaderFixture();
    const worker = loadUnpacked(browser, fixtureDir('module-worker-chain')).serviceWorker!;
    realmOfContext(worker)!.evaluate("fetch('http://unreachable.invalid/')", 'test:worker');
    await settle(browser);
    assert.ok(consoleOf(worker).includes('error: Uncaught (in promise) TypeError: Failed to fetch'));
  });

  it('each extension has its own IndexedDB and caches, kept across a reload of its worker', async () => {
    const { browser } = loaderFixture();
    const first = loadUnpacked(browser, fixtureDir('module-worker-chain'));
    const second = loadUnpacked(browser, fixtureDir('module-worker'));
    await settle(browser);
    const put = `
      await (await caches.open('c')).put('https://example.test/', new Response('kept'));
      await new Promise((resolve) => { const open = indexedDB.open('db'); open.onsuccess = () => { open.result.close(); resolve(); }; });`;
    const look = `
      const names = await indexedDB.databases();
      const hit = await caches.match('https://example.test/');
      return [names.map((db) => db.name), hit ? await hit.text() : null];`;
    await inWorker(first.serviceWorker!, put);
    assert.deepEqual(await inWorker(second.serviceWorker!, look), [[], null]);
    first.reload();
    await settle(browser);
    assert.deepEqual(await inWorker(first.serviceWorker!, look), [['db'], 'kept']);
  });
});
