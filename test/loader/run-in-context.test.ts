import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBrowser } from '../../src/index.ts';
import type { ScriptContext } from '../../src/index.ts';
import { currentContext, runInContext } from '../../src/loader/index.ts';

type Background = typeof import('../fixtures/modules/background.ts');
type Content = typeof import('../fixtures/modules/content.ts');

/** Imports a module as `context`; `as` makes a fresh instance of it (its own URL, its own top-level run). */
function importAs<T>(context: ScriptContext, path: string, as: string): Promise<T> {
  const url = new URL(`${path}?as=${as}`, import.meta.url).href;
  return runInContext(context, () => import(url) as Promise<T>);
}

function setup() {
  const browser = createBrowser();
  const extension = browser.installExtension({
    manifest: {
      manifest_version: 3,
      name: 'Mine',
      version: '1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://example.com/*'], js: ['content.js'], all_frames: true }],
    },
  });
  const tab = browser.openTab({ url: 'https://example.com/', frames: ['https://example.com/frame'] });
  const [top, sub] = tab.frames().map((frame) => frame.contentScript(extension)!);
  return { browser, extension, tab, worker: extension.serviceWorker!, top: top!, sub: sub! };
}

describe('runInContext: one\'s own modules against the global chrome', () => {
  it('a module imported as the worker and one as a content script talk through the real message service', async () => {
    const { worker, top, tab } = setup();
    const background = await importAs<Background>(worker, '../fixtures/modules/background.ts', 'worker-1');
    const content = await importAs<Content>(top, '../fixtures/modules/content.ts', 'top-1');
    const reply = await runInContext(top, () => content.greet('hi'));
    assert.deepEqual(reply, { echo: { text: 'hi' }, fromTab: tab.id, hasTabsApi: true });
    assert.deepEqual(background.received, [{ text: 'hi' }]);
  });

  it('listeners a module registers keep running as its context, on ports too', async () => {
    const { worker, top } = setup();
    await importAs<Background>(worker, '../fixtures/modules/background.ts', 'worker-2');
    const content = await importAs<Content>(top, '../fixtures/modules/content.ts', 'top-2');
    assert.equal(await runInContext(top, () => content.ping('a')), 'pong ping on a');
  });

  it('the same module runs as two frames\' content scripts when imported under two URLs', async () => {
    const { worker, top, sub, tab } = setup();
    await importAs<Background>(worker, '../fixtures/modules/background.ts', 'worker-3');
    const inTop = await importAs<Content>(top, '../fixtures/modules/content.ts', 'top-3');
    const inSub = await importAs<Content>(sub, '../fixtures/modules/content.ts', 'sub-3');
    assert.notEqual(inTop.frameTag, inSub.frameTag);
    const replies = await Promise.all([runInContext(top, () => inTop.greet('top')), runInContext(sub, () => inSub.greet('sub'))]);
    assert.deepEqual(replies, [
      { echo: { text: 'top' }, fromTab: tab.id, hasTabsApi: true },
      { echo: { text: 'sub' }, fromTab: tab.id, hasTabsApi: true },
    ]);
  });

  it('the global chrome is the running context\'s own, through awaits and timers, and absent outside', async () => {
    const { worker, top } = setup();
    const g = globalThis as { chrome?: { runtime: { id: string } }; browser?: { runtime: unknown } };
    await runInContext(top, async () => {
      assert.equal(currentContext(), top);
      await new Promise((resolve) => setTimeout(resolve, 1));
      assert.equal(currentContext(), top);
      assert.equal(g.browser!.runtime, g.chrome!.runtime);
      assert.notEqual(g.browser, g.chrome);
      assert.ok(!('tabs' in g.chrome!));
    });
    runInContext(worker, () => assert.ok('tabs' in g.chrome!));
    assert.equal(g.chrome, undefined);
    assert.equal(currentContext(), undefined);
  });
});
