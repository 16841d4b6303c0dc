import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadUnpacked } from '../../src/loader/index.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

const ARTICLE = '<!doctype html><h1>Hello</h1><script>var pageMarker = "page";</script>';

describe('loader: messaging between an unpacked extension\'s contexts', () => {
  it('a document_start content script waits for DOMContentLoaded, reads the DOM and gets the classic worker\'s reply', async () => {
    const { browser, dom, consoleOf } = loaderFixture({ 'https://example.com/article': ARTICLE });
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    const tab = browser.openTab('https://example.com/article');
    await settle(browser);
    const body = dom.domOf(tab.mainFrame.document).window.document.body;
    // format() came into the worker through importScripts('lib/format.js').
    assert.equal(body.dataset.reply, '[HELLO]');
    assert.deepEqual(consoleOf(tab.mainFrame.contentScript(extension)).at(-1), 'log: cs reply=[HELLO] page-global=undefined at-start=undefined own-object=true');
  });

  it('a document_idle content script runs after load, in the same isolated world as the document_start one', async () => {
    const { browser, dom } = loaderFixture({ 'https://example.com/article': ARTICLE });
    loadUnpacked(browser, fixtureDir('messaging'));
    const tab = browser.openTab('https://example.com/article');
    await settle(browser);
    assert.equal(dom.domOf(tab.mainFrame.document).window.document.body.dataset.idle, 'content complete');
  });

  it('the worker sees the sender\'s URL, and the message as an object of its own realm', async () => {
    const { browser } = loaderFixture({ 'https://example.com/article': ARTICLE });
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    const tab = browser.openTab('https://example.com/article');
    await settle(browser);
    const world = tab.mainFrame.contentScript(extension)!;
    const chrome = world.chrome as { runtime: { sendMessage(message: unknown): Promise<Record<string, unknown>> } };
    const response = await chrome.runtime.sendMessage({ text: 'x' });
    assert.equal(response.from, 'https://example.com/article');
    assert.equal(response.messageIsOwnObject, true);
    assert.equal(response.sawContentScriptGlobal, 'undefined');
  });

  it('an extension page runs its <script src> files in order and talks to the worker over a port; inline scripts are refused', async () => {
    const { browser, dom } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    const tab = extension.openPage('pages/popup.html');
    await settle(browser);
    const { window } = dom.domOf(tab.mainFrame.document);
    assert.equal(window.document.querySelector('#out')!.textContent, '[PING]');
    const page = tab.mainFrame.document.mainWorld;
    assert.deepEqual(
      page.console.map((m) => m.text.slice(0, 40)),
      ['Refused to execute inline script because', 'popup got ping on popup; browser.runtime'],
    );
    assert.equal(page.console.at(-1)!.text, 'popup got ping on popup; browser.runtime===chrome.runtime true, browser===chrome false');
    assert.equal((window as unknown as Record<string, unknown>).inlineRan, undefined);
  });

  it('a web page\'s own script reaches the extension through externally_connectable', async () => {
    let extensionId = '';
    const { browser, dom } = loaderFixture({
      'https://example.com/connect': () => `<body><script>
        chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, 'from the page', (reply) => {
          document.body.dataset.reply = JSON.stringify(reply);
        });
      </script></body>`,
    });
    extensionId = loadUnpacked(browser, fixtureDir('messaging')).id;
    const tab = browser.openTab('https://example.com/connect');
    await settle(browser);
    const reply = JSON.parse(dom.domOf(tab.mainFrame.document).window.document.body.dataset.reply ?? 'null') as unknown;
    assert.deepEqual(reply, { external: 'from the page', origin: 'https://example.com' });
  });

  it('a web page\'s <script src> is fetched through the pages resolver, against the page URL', async () => {
    const { browser, dom } = loaderFixture({
      'https://example.com/app/index.html': '<script src="main.js"></script>',
      'https://example.com/app/main.js': 'document.title = "from main.js";',
    });
    const tab = browser.openTab('https://example.com/app/index.html');
    await settle(browser);
    assert.equal(dom.domOf(tab.mainFrame.document).window.document.title, 'from main.js');
  });

  it('a module service worker imports the extension\'s own files; importScripts throws there', async () => {
    const { browser, consoleOf } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('module-worker'));
    await settle(browser);
    assert.deepEqual(consoleOf(extension.serviceWorker), [
      "log: TypeError: Failed to execute 'importScripts' on 'WorkerGlobalScope': Module scripts don't support importScripts().",
    ]);
    const page = extension.openPage('nothing.html').mainFrame.document.mainWorld;
    const chrome = page.chrome as { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    assert.equal(await chrome.runtime.sendMessage('page'), 'hello page from /lib/greet.js');
  });
});
