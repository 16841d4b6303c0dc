import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Alarms } from '../../src/api/alarms.ts';
import type { ExtensionChrome as MessagingChrome } from '../../src/api/chrome.ts';
import type { Port } from '../../src/api/port.ts';
import { CLOSED_WHILE_RESPONSE_PENDING, RECEIVING_END_DOES_NOT_EXIST } from '../../src/core/errors.ts';
import { SERVICE_WORKER_IDLE_TIMEOUT_MS, SERVICE_WORKER_REQUEST_TIMEOUT_MS } from '../../src/core/service-worker-lifetime.ts';
import { createBrowser, type ContextScope } from '../../src/index.ts';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { mv3 } from '../support.ts';

/** The worker's chrome with the namespaces these tests use beyond messaging. */
type ExtensionChrome = MessagingChrome & { alarms: Alarms; runtime: { getPlatformInfo(): Promise<unknown> } };

/** A browser on a manual clock with one extension whose worker counts its starts and answers messages. */
function setup(worker: (chrome: ExtensionChrome, log: (entry: string) => void) => void, manifest: Record<string, unknown> = {}) {
  const browser = createBrowser({ clock: 'manual' });
  const log: string[] = [];
  const extension = browser.installExtension({
    manifest: mv3({ content_scripts: [{ matches: ['https://a.test/*'], js: ['cs.js'] }], ...manifest }),
    scripts: {
      'sw.js': ({ chrome }: ContextScope) => {
        log.push('top level');
        worker(chrome as unknown as ExtensionChrome, (entry) => log.push(entry));
      },
      'cs.js': () => undefined,
      'page.html': () => undefined,
    },
  });
  return { browser, extension, log };
}

const answering = (chrome: ExtensionChrome, log: (entry: string) => void): void => {
  chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    log(`heard ${String(message)}`);
    sendResponse(`answer to ${String(message)}`);
  });
};

describe('service worker lifetime', () => {
  it('an installed worker runs, and stops after 30 s on the browser clock without an event', async () => {
    const { browser, extension } = setup(answering);
    await browser.idle();
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(SERVICE_WORKER_IDLE_TIMEOUT_MS - 1);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.equal(extension.serviceWorker, undefined);
  });

  it('a message to a stopped worker starts it: its top level runs again and its listener answers', async () => {
    const { browser, extension, log } = setup(answering);
    await browser.idle();
    browser.clock.tick(30_000);
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const answer = await page.runtime.sendMessage('wake up');
    assert.equal(answer, 'answer to wake up');
    assert.deepEqual(log, ['top level', 'top level', 'heard wake up']);
    assert.equal(extension.serviceWorkerState, 'running');
  });

  it('every event starts the idle timer again', async () => {
    const { browser, extension } = setup(answering);
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    browser.clock.tick(20_000);
    await page.runtime.sendMessage('keep going');
    browser.clock.tick(20_000);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(10_000);
    assert.equal(extension.serviceWorkerState, 'stopped');
  });

  it('an extension API call from the worker starts the idle timer again', async () => {
    const { browser, extension } = setup(() => undefined);
    await browser.idle();
    browser.clock.tick(20_000);
    await (extension.serviceWorker!.chrome as ExtensionChrome).runtime.getPlatformInfo();
    browser.clock.tick(25_000);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(5_000);
    assert.equal(extension.serviceWorkerState, 'stopped');
  });

  it('an extension API call not answered yet keeps the worker alive; the idle timeout counts from its answer', async () => {
    const { browser, extension } = setup(() => undefined, { permissions: ['scripting'], host_permissions: ['https://a.test/*'] });
    await browser.idle();
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    const scripting = (extension.serviceWorker!.chrome as unknown as {
      scripting: { executeScript(injection: object): Promise<{ result: unknown }[]> };
    }).scripting;
    // The injected function's promise is what executeScript waits for; the test settles it (an
    // in-code content script runs in this realm, and the function is compiled from its source).
    const settle = globalThis as { answerScript?: (value: string) => void };
    const results = scripting.executeScript({ target: { tabId: tab.id }, func: () => new Promise((resolve) => ((globalThis as typeof settle).answerScript = resolve)) });
    await browser.idle();
    browser.clock.tick(SERVICE_WORKER_IDLE_TIMEOUT_MS + 10_000);
    assert.equal(extension.serviceWorkerState, 'running', 'a pending API call keeps the worker running');
    settle.answerScript!('done');
    delete settle.answerScript;
    assert.deepEqual((await results).map((frame) => frame.result), ['done']);
    await browser.idle();
    browser.clock.tick(SERVICE_WORKER_IDLE_TIMEOUT_MS - 1);
    assert.equal(extension.serviceWorkerState, 'running', '30 s count from the answer');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
  });

  it('an open port without messages does not keep the worker alive, and the stop disconnects it', async () => {
    const { browser, extension } = setup((chrome) => chrome.runtime.onConnect.addListener(() => undefined));
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const port = page.runtime.connect({ name: 'idle port' }) as Port;
    const disconnected: (string | undefined)[] = [];
    port.onDisconnect.addListener(() => disconnected.push(page.runtime.lastError?.message));
    await browser.idle();
    browser.clock.tick(30_000);
    await browser.idle();
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.deepEqual(disconnected, [undefined]);
  });

  it('messages on an open port keep the worker alive', async () => {
    const { browser, extension } = setup((chrome) => chrome.runtime.onConnect.addListener(() => undefined));
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const port = page.runtime.connect() as Port;
    for (let second = 0; second < 120; second += 20) {
      port.postMessage(second);
      await browser.idle();
      browser.clock.tick(20_000);
    }
    assert.equal(extension.serviceWorkerState, 'running');
  });

  it('a stop while a listener returned true fails the sender: Chrome\'s closed-before-response error', async () => {
    const { browser, extension } = setup((chrome) => chrome.runtime.onMessage.addListener(() => true));
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const answer = page.runtime.sendMessage('later')!.then(() => 'resolved', (error: Error) => error.message);
    await browser.idle();
    extension.stopServiceWorker();
    assert.equal(await answer, CLOSED_WHILE_RESPONSE_PENDING);
  });

  it('a listener added from a timer misses the message that woke the worker', async () => {
    let addLater = (): void => undefined;
    const { browser, extension } = setup((chrome, log) => {
      addLater = () => answering(chrome, log);
    });
    await browser.idle();
    extension.stopServiceWorker();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const waking = await page.runtime.sendMessage('wake')!.then(() => 'answered', (error: Error) => error.message);
    assert.equal(waking, RECEIVING_END_DOES_NOT_EXIST);
    addLater();
    assert.equal(await page.runtime.sendMessage('now'), 'answer to now');
  });

  it('an event the stopped worker had a listener for starts it; one it had none for does not', async () => {
    const { browser, extension, log } = setup((chrome, entry) => {
      chrome.alarms.onAlarm.addListener((alarm) => entry(`alarm ${alarm.name}`));
    }, { permissions: ['alarms'] });
    await browser.idle();
    extension.stopServiceWorker();
    browser.events.dispatchToExtension(extension, 'storage.onChanged', [{}, 'local']);
    await browser.idle();
    assert.equal(extension.serviceWorkerState, 'stopped');
    browser.events.dispatchToExtension(extension, 'alarms.onAlarm', [{ name: 'ring', scheduledTime: 0 }]);
    await browser.idle();
    assert.deepEqual(log, ['top level', 'top level', 'alarm ring']);
  });

  it('a listener an earlier run added still wakes the worker after a run that never added it, until removeListener takes it', async () => {
    const { browser, extension, log } = setup((chrome, entry) => {
      const heard = (): void => entry('alarm heard');
      chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
        if (message === 'listen') chrome.alarms.onAlarm.addListener(heard);
        if (message === 'unlisten') chrome.alarms.onAlarm.removeListener(heard);
        sendResponse(message);
      });
    }, { permissions: ['alarms'] });
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const ring = async (): Promise<void> => {
      browser.events.dispatchToExtension(extension, 'alarms.onAlarm', [{ name: 'ring', scheduledTime: 0 }]);
      await browser.idle();
    };
    await page.runtime.sendMessage('listen');
    extension.stopServiceWorker();
    await page.runtime.sendMessage('ping'); // a second run, which adds no onAlarm listener
    extension.stopServiceWorker();
    await ring(); // wakes a third run, which has no listener to hear it
    assert.deepEqual(log, ['top level', 'top level', 'top level']);
    await page.runtime.sendMessage('unlisten'); // removes nothing: this run never added it
    extension.stopServiceWorker();
    await ring();
    assert.equal(log.length, 4);
    await page.runtime.sendMessage('listen');
    await page.runtime.sendMessage('unlisten');
    extension.stopServiceWorker();
    await ring();
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.equal(log.length, 4);
  });

  it('a reload forgets the lazy listeners of the previous install; a disable does not', async () => {
    const { browser, extension, log } = setup((chrome, entry) => {
      chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
        chrome.alarms.onAlarm.addListener(() => entry('alarm heard'));
        sendResponse(message);
      });
    }, { permissions: ['alarms'] });
    await browser.idle();
    const ring = async (): Promise<void> => {
      browser.events.dispatchToExtension(extension, 'alarms.onAlarm', [{ name: 'ring', scheduledTime: 0 }]);
      await browser.idle();
    };
    const page = (): ExtensionChrome => extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    await page().runtime.sendMessage('listen');
    extension.disable();
    extension.enable();
    await browser.idle();
    extension.stopServiceWorker();
    await ring();
    assert.equal(extension.serviceWorkerState, 'running');
    extension.reload();
    await browser.idle();
    extension.stopServiceWorker();
    await ring();
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.deepEqual(log, ['top level', 'top level', 'top level', 'top level']);
  });

  it('a one-time message the worker answers late keeps it alive: the idle timeout counts from the answer', async () => {
    const { browser, extension } = setup((chrome) => {
      chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
        setTimeout(() => sendResponse(`late answer to ${String(message)}`), 100_000);
        return true;
      });
    });
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const answer = page.runtime.sendMessage('question')!;
    await browser.idle();
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 1);
    browser.clock.tick(100_000);
    assert.equal(await answer, 'late answer to question');
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 0);
    browser.clock.tick(SERVICE_WORKER_IDLE_TIMEOUT_MS - 1);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
  });

  it('a one-time message never answered keeps the worker alive for 5 minutes only: it stops 30 s after the request times out', async () => {
    const { browser, extension, log } = setup((chrome, entry) => {
      chrome.runtime.onMessage.addListener(() => {
        entry('never answers');
        return true;
      });
    });
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    const answer = page.runtime.sendMessage('question')!.then(() => 'answered', (error: Error) => error.message);
    await browser.idle();
    assert.deepEqual(log, ['top level', 'never answers']);
    // The request expires at 5:00, found by the timeout timer's tick at 5:00 (every 30 s since the
    // worker started); the worker then idles 30 s.
    browser.clock.tick(SERVICE_WORKER_REQUEST_TIMEOUT_MS - 1);
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 1);
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 0);
    browser.clock.tick(SERVICE_WORKER_IDLE_TIMEOUT_MS - 1);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.equal(await answer, CLOSED_WHILE_RESPONSE_PENDING);
  });

  it('a request expires at the first tick of the timeout timer (every 30 s since the worker started) at or after 5 minutes', async () => {
    const { browser, extension } = setup((chrome) => chrome.runtime.onMessage.addListener(() => true));
    await browser.idle();
    const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
    browser.clock.tick(10_000);
    void page.runtime.sendMessage('at 0:10')!.catch(() => undefined);
    await browser.idle();
    // Expires at 5:10; the ticks are at 5:00 and 5:30; the worker stops at 6:00.
    browser.clock.tick(SERVICE_WORKER_REQUEST_TIMEOUT_MS + 19_999);
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 1);
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerLifetime.requestsInFlight, 0);
    browser.clock.tick(29_999);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
  });

  it('serviceWorkerStopped() resolves when the idle timeout stops the worker', async () => {
    const { browser, extension } = setup(answering);
    await browser.idle();
    let stopped = false;
    const waiting = extension.serviceWorkerStopped().then(() => (stopped = true));
    browser.clock.tick(29_000);
    await Promise.resolve();
    assert.equal(stopped, false);
    browser.clock.tick(1_000);
    await waiting;
    assert.equal(stopped, true);
  });

  it('after 30 idle seconds the worker forgets its count, and the next message starts it again (the docs example)', async () => {
    const browser = createBrowser({ clock: 'manual' });
    const extension = browser.installExtension({
      manifest: { manifest_version: 3, name: 'Counter', version: '1.0', background: { service_worker: 'sw.js' } },
      scripts: {
        'sw.js': ({ chrome }) => {
          let count = 0;
          (chrome as MessagingChrome).runtime.onMessage.addListener((_message, _sender, sendResponse) => {
            sendResponse(++count);
          });
        },
        'popup.html': () => undefined,
      },
    });
    const popup = extension.openPage('popup.html').mainFrame.document.mainWorld.chrome as MessagingChrome;
    assert.equal(await popup.runtime.sendMessage('count'), 1);
    assert.equal(await popup.runtime.sendMessage('count'), 2);
    browser.clock.tick(29_999);
    assert.equal(extension.serviceWorkerState, 'running');
    browser.clock.tick(1);
    assert.equal(extension.serviceWorkerState, 'stopped');
    assert.equal(await popup.runtime.sendMessage('count'), 1);
  });

  it('an unpacked worker restarts in a new realm: its globals are fresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-lifetime-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(mv3()));
      writeFileSync(join(dir, 'sw.js'), `
        globalThis.starts = (globalThis.starts ?? 0) + 1;
        let counter = 0;
        chrome.runtime.onMessage.addListener((message, sender, sendResponse) => { sendResponse({ starts, counter: ++counter }); });
      `);
      writeFileSync(join(dir, 'page.html'), '<!doctype html>');
      const browser = createBrowser({ clock: 'manual' });
      const extension = loadUnpacked(browser, dir);
      await browser.idle();
      const first = realmOfContext(extension.serviceWorker!);
      const page = extension.openPage('page.html').mainFrame.document.mainWorld.chrome as ExtensionChrome;
      const ask = async (message: string): Promise<string> => JSON.stringify(await page.runtime.sendMessage(message));
      assert.equal(await ask('a'), '{"starts":1,"counter":1}');
      assert.equal(await ask('b'), '{"starts":1,"counter":2}');
      browser.clock.tick(30_000);
      assert.equal(extension.serviceWorkerState, 'stopped');
      assert.equal(await ask('c'), '{"starts":1,"counter":1}');
      assert.notEqual(realmOfContext(extension.serviceWorker!), first);
      browser.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
