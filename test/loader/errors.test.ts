import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

describe('loader: exceptions in extension code', () => {
  it('a service worker\'s top-level throw, timer throw and unhandled rejection go to its console', async () => {
    const { browser, consoleOf } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('throwing'));
    await settle(browser);
    const [first, ...later] = consoleOf(extension.serviceWorker);
    assert.equal(first, 'error: Uncaught Error: top-level boom');
    // A timer against a message's round trip: no rule says which is first.
    assert.deepEqual(later.sort(), [
      'error: Uncaught (in promise) Error: Could not establish connection. Receiving end does not exist.',
      'error: Uncaught Error: timer boom',
    ]);
  });

  it('a throwing content script does not stop the next one, and a DOM listener\'s throw is reported in its world', async () => {
    const { browser, dom, consoleOf } = loaderFixture({ 'https://example.com/': '<p>page</p>' });
    const extension = loadUnpacked(browser, fixtureDir('throwing'));
    const tab = browser.openTab('https://example.com/');
    await settle(browser);
    assert.equal(dom.domOf(tab.mainFrame.document).window.document.documentElement.dataset.after, 'ran');
    assert.deepEqual(consoleOf(tab.mainFrame.contentScript(extension)), [
      'error: Uncaught Error: boom',
      'error: Uncaught RangeError: dom listener boom',
    ]);
  });

  it('a listener\'s throw is reported and the worker keeps answering', async () => {
    const { browser, consoleOf } = loaderFixture({ 'https://example.com/': '' });
    const extension = loadUnpacked(browser, fixtureDir('throwing'));
    const tab = browser.openTab('https://example.com/');
    await settle(browser);
    const chrome = tab.mainFrame.contentScript(extension)!.chrome as { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    await chrome.runtime.sendMessage('throw').catch(() => undefined);
    assert.equal(await chrome.runtime.sendMessage('ping'), 'still alive');
    assert.ok(consoleOf(extension.serviceWorker).some((line) => line.includes('TypeError: listener boom')));
  });

  it('closing the browser cancels the extension\'s pending timers, so they keep the process alive no longer', async () => {
    const { browser } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    realmOfContext(extension.serviceWorker!)!.evaluate('setInterval(() => {}, 60_000); setTimeout(() => {}, 60_000)', 'test:timers');
    assert.equal(timers(), before + 2);
    browser.close();
    assert.equal(timers(), before);
  });
});
