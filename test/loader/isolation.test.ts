import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScriptContext } from '../../src/index.ts';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { unwrapProxy } from '../../src/loader/membrane.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

/** Evaluates an expression in the context's realm. */
function evaluate(context: ScriptContext, expression: string): unknown {
  const realm = realmOfContext(context);
  assert.ok(realm, `no realm for ${context.toString()}`);
  return realm.evaluate(expression, 'test:evaluate');
}

async function loadedWithPage() {
  const fixture = loaderFixture({ 'https://example.com/article': '<h1>Hi</h1><script>var pageMarker = "page";</script>' });
  const extension = loadUnpacked(fixture.browser, fixtureDir('messaging'));
  const tab = fixture.browser.openTab('https://example.com/article');
  const popup = extension.openPage('pages/popup.html');
  await settle(fixture.browser);
  return {
    ...fixture,
    worker: extension.serviceWorker!,
    world: tab.mainFrame.contentScript(extension)!,
    page: tab.mainFrame.document.mainWorld,
    popup: popup.mainFrame.document.mainWorld,
  };
}

describe('loader: each context is its own realm', () => {
  it('a global set in one context is invisible in every other', async () => {
    const { worker, world, page, popup } = await loadedWithPage();
    const contexts = { worker, world, page, popup };
    const markers = { worker: 'workerMarker', world: 'contentMarker', page: 'pageMarker', popup: 'port' };
    for (const [name, context] of Object.entries(contexts)) {
      for (const [owner, marker] of Object.entries(markers)) {
        assert.equal(evaluate(context, `typeof ${marker}`) !== 'undefined', owner === name, `${marker} seen from ${name}`);
      }
    }
    assert.equal((globalThis as { chrome?: unknown }).chrome, undefined);
  });

  it('an isolated world shares the page\'s document, through wrappers of its own, but not its window globals', async () => {
    const { world, page } = await loadedWithPage();
    assert.notEqual(evaluate(world, 'document'), evaluate(page, 'document'));
    assert.equal(unwrapProxy(evaluate(world, 'document')), unwrapProxy(evaluate(page, 'document')));
    evaluate(world, 'document.title = "set by the content script"');
    assert.equal(evaluate(page, 'document.title'), 'set by the content script');
    assert.equal(evaluate(world, 'window === globalThis && self === window'), true);
    assert.notEqual(evaluate(world, 'Object'), evaluate(page, 'Object'));
    assert.equal(evaluate(world, 'document.querySelector("h1") instanceof HTMLElement'), true);
  });

  it('each context has its own chrome, and a browser object sharing its namespaces (browser.runtime === chrome.runtime, browser !== chrome)', async () => {
    const { worker, world, popup } = await loadedWithPage();
    for (const context of [worker, world, popup]) {
      assert.equal(unwrapProxy(evaluate(context, 'chrome')), context.chrome);
      assert.equal(evaluate(context, 'browser.runtime === chrome.runtime'), true);
      assert.equal(evaluate(context, 'browser === chrome'), false);
    }
    assert.notEqual(worker.chrome, world.chrome);
  });

  it('what the API hands a context is of that context\'s realm: messages, promises, errors', async () => {
    const { world } = await loadedWithPage();
    const result = evaluate(
      world,
      `(async () => {
        const pending = chrome.runtime.sendMessage({ text: 'probe' });
        const reply = await pending;
        let thrown;
        try { chrome.runtime.sendMessage(); } catch (error) { thrown = error; }
        return [pending instanceof Promise, reply instanceof Object, reply.messageIsOwnObject, thrown instanceof TypeError];
      })()`,
    ) as Promise<unknown[]>;
    assert.deepEqual([...(await result)], [true, true, true, true]);
  });
});
