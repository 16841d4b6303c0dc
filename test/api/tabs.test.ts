import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture, mv3, page, sw } from '../support.ts';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>> & Record<string, { addListener(listener: (...args: unknown[]) => void): void }>;
const tabsOf = (chrome: unknown): Api => (chrome as { tabs: Api }).tabs;

function setup(permissions: string[] = ['tabs'], extra: Record<string, unknown> = {}) {
  const f = fixture();
  const extension = f.browser.installExtension({ manifest: mv3({ permissions, ...extra }) });
  return { ...f, extension, tabs: tabsOf(sw(extension)) };
}

describe('tabs: the model', () => {
  it('tabs belong to a window in index order, with one active tab per window', () => {
    const { browser } = setup();
    const a = browser.openTab('https://a.test/');
    const b = browser.openTab('https://b.test/');
    assert.deepEqual([a.index, b.index], [0, 1]);
    assert.deepEqual([a.active, b.active], [false, true]);
    assert.equal(a.windowId, b.windowId);
    assert.equal(b.openerTabId, a.id, 'a foreground tab the user opens inherits the active tab as opener');
  });

  it('a tab loads, then completes in a later task', async () => {
    const { browser } = setup();
    const tab = browser.openTab('https://a.test/');
    assert.equal(tab.info().status, 'loading');
    await browser.idle();
    assert.equal(tab.info().status, 'complete');
  });
});

describe('tabs: the API', () => {
  it('tabs.create answers with the navigation pending, and onCreated/onUpdated follow in Chrome\'s order', async () => {
    const { browser, tabs } = setup();
    const seen: unknown[] = [];
    tabs.onCreated!.addListener((tab) => seen.push(['created', (tab as { pendingUrl: string }).pendingUrl]));
    tabs.onUpdated!.addListener((_id, info) => seen.push(['updated', info]));
    const tab = (await tabs.create!({ url: 'https://a.test/', active: false })) as Record<string, unknown>;
    assert.equal(tab.url, '');
    assert.equal(tab.pendingUrl, 'https://a.test/');
    await browser.idle();
    assert.deepEqual(seen, [['created', 'https://a.test/'], ['updated', { status: 'loading', url: 'https://a.test/' }], ['updated', { status: 'complete' }]]);
  });

  it('a tab object lacks url, title and favIconUrl without "tabs" or host permission for its URL', async () => {
    const { browser, tabs } = setup([], { host_permissions: ['https://a.test/*'] });
    browser.openTab('https://a.test/');
    browser.openTab('https://b.test/');
    const found = (await tabs.query!({})) as Record<string, unknown>[];
    assert.deepEqual(found.map((tab) => [tab.url, 'title' in tab]), [['https://a.test/', true], [undefined, false]]);
    assert.deepEqual(((await tabs.query!({ url: '*://*.test/*' })) as unknown[]).length, 1, 'url filters see only readable tabs');
  });

  it('tabs.query filters by active, currentWindow, index and url patterns', async () => {
    const { browser, tabs } = setup();
    browser.openTab('https://a.test/');
    browser.openTab('https://b.test/');
    const urls = async (q: object) => ((await tabs.query!(q)) as { url: string }[]).map((t) => t.url);
    assert.deepEqual(await urls({ active: true, currentWindow: true }), ['https://b.test/']);
    assert.deepEqual(await urls({ index: 0 }), ['https://a.test/']);
    assert.deepEqual(await urls({ url: ['https://b.test/*', 'https://a.test/*'] }), ['https://a.test/', 'https://b.test/']);
    assert.equal((await tabs.query!({ url: 'nope' }).catch((e: Error) => e.message)), "Invalid url pattern 'nope'");
  });

  it('an unknown tab id fails with "No tab with id: N."', async () => {
    const { tabs } = setup();
    assert.equal(await tabs.get!(99).catch((e: Error) => e.message), 'No tab with id: 99.');
  });

  it('tabs.remove closes the tab, reports onRemoved and activates its neighbour', async () => {
    const { browser, tabs } = setup();
    const a = browser.openTab('https://a.test/');
    const b = browser.openTab('https://b.test/');
    const removed: unknown[] = [];
    tabs.onRemoved!.addListener((id, info) => removed.push([id, info]));
    await tabs.remove!(b.id);
    await browser.idle();
    assert.deepEqual(removed, [[b.id, { isWindowClosing: false, windowId: a.windowId }]]);
    assert.equal(a.active, true);
  });

  it('tabs.getCurrent is the page\'s own tab, and undefined in the service worker', async () => {
    const { extension, tabs } = setup();
    const tab = extension.openPage('page.html');
    const own = tabsOf(page(tab.mainFrame.document.mainWorld));
    assert.equal(((await own.getCurrent!()) as { id: number }).id, tab.id);
    assert.equal(await tabs.getCurrent!(), undefined);
  });

  it('tabs.move moves each tab in turn to the index, -1 the end, and raises onMoved for each one that moves', async () => {
    const { browser, tabs } = setup();
    const a = browser.openTab('https://a.test/');
    const b = browser.openTab('https://b.test/');
    const c = browser.openTab('https://c.test/');
    const moved: unknown[] = [];
    tabs.onMoved!.addListener((id, info) => moved.push([id, info]));
    const one = (await tabs.move!(a.id, { index: -1 })) as { index: number };
    assert.equal(one.index, 2);
    const many = (await tabs.move!([c.id, b.id], { index: 0 })) as { index: number }[];
    assert.deepEqual(many.map((tab) => tab.index), [0, 1]);
    await browser.idle();
    assert.deepEqual(moved, [
      [a.id, { fromIndex: 0, toIndex: 2, windowId: a.windowId }],
      [c.id, { fromIndex: 1, toIndex: 0, windowId: a.windowId }],
    ]);
    assert.deepEqual(a.window.tabs.map((tab) => tab.id), [c.id, b.id, a.id]);
    await assert.rejects(tabs.move!(9999, { index: 0 }), { message: 'No tab with id: 9999.' });
  });
});
