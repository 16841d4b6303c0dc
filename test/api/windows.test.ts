import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture, mv3, sw } from '../support.ts';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>> & Record<string, { addListener(listener: (...args: unknown[]) => void): void }>;

function setup() {
  const f = fixture();
  const extension = f.browser.installExtension({ manifest: mv3({ permissions: ['tabs'] }) });
  const chrome = sw(extension) as unknown as { windows: Api; tabs: Api };
  return { ...f, extension, windows: chrome.windows, tabs: chrome.tabs };
}

describe('windows', () => {
  it('window and tab ids come from one counter; a window object has Chrome\'s keys', async () => {
    const { browser, windows } = setup();
    const tab = browser.openTab('https://a.test/');
    const current = (await windows.getCurrent!()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(current), ['alwaysOnTop', 'focused', 'height', 'id', 'incognito', 'left', 'state', 'top', 'type', 'width']);
    assert.equal(current.id, tab.windowId);
    assert.notEqual(current.id, tab.id);
  });

  it('windows.create opens a window with its tabs, populated in the answer; getAll filters by windowTypes', async () => {
    const { windows } = setup();
    const created = (await windows.create!({ url: ['https://a.test/', 'https://b.test/'], type: 'popup' })) as { id: number; type: string; tabs: { pendingUrl: string; active: boolean }[] };
    assert.equal(created.type, 'popup');
    assert.deepEqual(created.tabs.map((t) => [t.pendingUrl, t.active]), [['https://a.test/', true], ['https://b.test/', false]]);
    const popups = (await windows.getAll!({ windowTypes: ['popup'] })) as { id: number }[];
    assert.deepEqual(popups.map((w) => w.id), [created.id]);
    assert.equal(((await windows.getLastFocused!()) as { id: number }).id, created.id);
  });

  it('windows.remove closes its tabs with isWindowClosing, then reports windows.onRemoved', async () => {
    const { browser, windows, tabs } = setup();
    const created = (await windows.create!({ url: 'https://a.test/' })) as { id: number; tabs: { id: number }[] };
    const seen: unknown[] = [];
    tabs.onRemoved!.addListener((id, info) => seen.push(['tab', id, info]));
    windows.onRemoved!.addListener((id) => seen.push(['window', id]));
    await windows.remove!(created.id);
    await browser.idle();
    assert.deepEqual(seen, [['tab', created.tabs[0]!.id, { isWindowClosing: true, windowId: created.id }], ['window', created.id]]);
  });

  it('an unknown window id fails with "No window with id: N."', async () => {
    const { windows } = setup();
    assert.equal(await windows.get!(99).catch((e: Error) => e.message), 'No window with id: 99.');
  });
});
