import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickContextMenu, errors } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type ContextMenus = Record<string, (...args: unknown[]) => unknown> & { onClicked: { addListener(listener: (info: Record<string, unknown>, tab?: Record<string, unknown>) => void): void } };
const menusOf = (chrome: unknown): ContextMenus => (chrome as { contextMenus: ContextMenus }).contextMenus;

/** An extension whose worker records every onClicked. */
function clickRecorder(extra: Record<string, unknown> = {}) {
  const { browser } = fixture();
  const clicks: [Record<string, unknown>, Record<string, unknown> | undefined][] = [];
  const extension = browser.installExtension({
    manifest: mv3({ permissions: ['contextMenus'], ...extra }),
    scripts: { 'sw.js': ({ chrome }) => menusOf(chrome).onClicked.addListener((info, tab) => clicks.push([info, tab])) },
  });
  return { browser, extension, clicks, menus: menusOf(sw(extension)) };
}

describe('chrome.contextMenus', () => {
  it('exists only with the contextMenus permission', () => {
    const { browser } = fixture();
    assert.equal('contextMenus' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
  });

  it('create returns the id and reports a duplicate id through lastError', async () => {
    const { menus, browser, extension } = clickRecorder();
    assert.equal(menus.create!({ id: 'a', title: 'A' }), 'a');
    let lastError: string | undefined;
    const runtime = (sw(extension) as unknown as { runtime: { lastError?: { message: string } } }).runtime;
    const id = menus.create!({ id: 'a', title: 'A' }, () => (lastError = runtime.lastError?.message));
    await browser.idle();
    assert.equal(id, 'a');
    assert.equal(lastError, errors.contextMenusDuplicateId('a'));
  });

  it("a click raises onClicked with Chrome's OnClickData, keys sorted, and the scrubbed tab", async () => {
    const { browser, extension, clicks, menus } = clickRecorder();
    menus.create!({ id: 'parent', title: 'P' });
    menus.create!({ id: 'child', title: 'Search %s', parentId: 'parent', contexts: ['selection'] });
    const tab = browser.openTab('https://a.test/page.html');
    await browser.idle();
    clickContextMenu(extension, 'child', { tab, selectionText: 'hello', linkUrl: 'https://b.test/' });
    await browser.idle();
    const [[info, scrubbed]] = clicks as [[Record<string, unknown>, Record<string, unknown>]];
    assert.deepEqual(Object.keys(info), ['editable', 'frameId', 'linkUrl', 'menuItemId', 'pageUrl', 'parentMenuItemId', 'selectionText']);
    assert.deepEqual(info, { editable: false, frameId: 0, linkUrl: 'https://b.test/', menuItemId: 'child', pageUrl: 'https://a.test/page.html', parentMenuItemId: 'parent', selectionText: 'hello' });
    assert.equal(scrubbed.id, tab.id);
    assert.equal('url' in scrubbed, false);
  });

  it('a checkbox toggles on a click and a radio item becomes the checked one of its group', async () => {
    const { browser, extension, clicks, menus } = clickRecorder();
    menus.create!({ id: 'box', title: 'B', type: 'checkbox' });
    menus.create!({ id: 'r1', title: 'R1', type: 'radio' });
    menus.create!({ id: 'r2', title: 'R2', type: 'radio' });
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    clickContextMenu(extension, 'box', { tab });
    clickContextMenu(extension, 'box', { tab });
    clickContextMenu(extension, 'r2', { tab });
    clickContextMenu(extension, 'r1', { tab });
    await browser.idle();
    assert.deepEqual(clicks.map(([info]) => [info.menuItemId, info.wasChecked, info.checked]), [
      ['box', false, true],
      ['box', true, false],
      // The first radio item of a group starts checked (SanitizeRadioList).
      ['r2', false, true],
      ['r1', false, true],
    ]);
  });

  it('a subframe click names the frame and its URL', async () => {
    const { browser, extension, clicks, menus } = clickRecorder();
    menus.create!({ id: 'a', title: 'A', contexts: ['frame'] });
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/frame.html'] });
    await browser.idle();
    const frame = [...tab.mainFrame.document.subtree()][1]!.frame;
    clickContextMenu(extension, 'a', { tab, frameId: frame.frameId });
    await browser.idle();
    assert.equal(clicks[0]![0].frameId, frame.frameId);
    assert.equal(clicks[0]![0].frameUrl, 'https://b.test/frame.html');
  });

  it('a click is refused for a missing, hidden or disabled item', async () => {
    const { extension, menus, browser } = clickRecorder();
    menus.create!({ id: 'hidden', title: 'H', visible: false });
    menus.create!({ id: 'off', title: 'O', enabled: false });
    await browser.idle();
    for (const id of ['nope', 'hidden', 'off']) assert.throws(() => clickContextMenu(extension, id), { name: 'ContextMenuError' });
  });

  it('removing a parent removes its children; update and remove name an unknown id', async () => {
    const { menus } = clickRecorder();
    menus.create!({ id: 'p', title: 'P' });
    menus.create!({ id: 'c', title: 'C', parentId: 'p' });
    await menus.remove!('p');
    await assert.rejects(menus.remove!('c') as Promise<unknown>, { message: errors.contextMenusCannotFindItem('c') });
    await assert.rejects(menus.update!(7, {}) as Promise<unknown>, { message: errors.contextMenusCannotFindItem(7) });
  });

  it('update refuses a parent cycle with an unknown error and checked on a normal item', async () => {
    const { menus } = clickRecorder();
    menus.create!({ id: 'p', title: 'P' });
    menus.create!({ id: 'c', title: 'C', parentId: 'p' });
    await assert.rejects(menus.update!('p', { parentId: 'c' }) as Promise<unknown>, { message: errors.UNKNOWN_ERROR });
    await assert.rejects(menus.update!('p', { checked: true }) as Promise<unknown>, { message: errors.CONTEXT_MENUS_CHECKED });
  });

  it('a service worker extension must give ids; the generated number is still returned', async () => {
    const { menus, browser, extension } = clickRecorder();
    let lastError: string | undefined;
    const runtime = (sw(extension) as unknown as { runtime: { lastError?: { message: string } } }).runtime;
    const id = menus.create!({ title: 'x' }, () => (lastError = runtime.lastError?.message));
    await browser.idle();
    assert.equal(id, 1);
    assert.equal(lastError, errors.CONTEXT_MENUS_ID_REQUIRED);
  });
});
