import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickAction, errors } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type Action = Record<string, (...args: unknown[]) => Promise<unknown>> & { onClicked: { addListener(listener: (tab: { id: number; url?: string }) => void): void } };
const actionOf = (chrome: unknown): Action => (chrome as { action: Action }).action;

describe('chrome.action', () => {
  it('exists only with an action in the manifest', () => {
    const { browser } = fixture();
    assert.equal('action' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
    assert.equal(typeof actionOf(sw(browser.installExtension({ manifest: mv3({ action: {} }) }))), 'object');
  });

  it('a click without a popup raises onClicked with the tab, scrubbed without the tabs permission', async () => {
    const { browser } = fixture();
    const clicked: { id: number; url?: string }[] = [];
    const extension = browser.installExtension({
      manifest: mv3({ action: {} }),
      scripts: { 'sw.js': ({ chrome }) => actionOf(chrome).onClicked.addListener((tab) => clicked.push(tab)) },
    });
    const tab = browser.openTab('https://a.test/');
    clickAction(extension, tab);
    await browser.idle();
    assert.deepEqual(clicked.map((t) => [t.id, t.url]), [[tab.id, undefined]]);
  });

  it('a click with a popup opens it as a view outside the tab strip, and raises no onClicked', async () => {
    const { browser } = fixture();
    let clicks = 0;
    const extension = browser.installExtension({
      manifest: mv3({ action: { default_popup: 'popup.html' } }),
      scripts: { 'sw.js': ({ chrome }) => actionOf(chrome).onClicked.addListener(() => clicks++) },
    });
    const tab = browser.openTab('https://a.test/');
    clickAction(extension);
    await browser.idle();
    assert.equal(clicks, 0);
    const [popup] = [...browser.views];
    assert.equal(popup?.view, 'popup');
    assert.equal(popup?.url, extension.getURL('popup.html'));
    assert.deepEqual([...browser.tabs.values()], [tab]);
  });

  it('a click on the action grants activeTab: the extension may then script that tab without host permission', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3({ action: {}, permissions: ['activeTab', 'scripting'] }) });
    const tab = browser.openTab('https://a.test/');
    const scripting = (sw(extension) as unknown as { scripting: { executeScript(injection: object): Promise<{ result: unknown }[]> } }).scripting;
    const run = () => scripting.executeScript({ target: { tabId: tab.id }, func: () => 1 + 1 });
    await assert.rejects(run(), /Cannot access contents of the page/);
    clickAction(extension, tab);
    await browser.idle();
    assert.deepEqual((await run()).map((r) => r.result), [2]);
  });

  it('a disabled action does nothing when clicked on that tab', async () => {
    const { browser } = fixture();
    let clicks = 0;
    const extension = browser.installExtension({
      manifest: mv3({ action: {} }),
      scripts: { 'sw.js': ({ chrome }) => actionOf(chrome).onClicked.addListener(() => clicks++) },
    });
    const tab = browser.openTab('https://a.test/');
    await actionOf(sw(extension)).disable!(tab.id);
    clickAction(extension, tab);
    await browser.idle();
    assert.equal(clicks, 0);
    assert.equal(await actionOf(sw(extension)).isEnabled!(tab.id), false);
    assert.equal(await actionOf(sw(extension)).isEnabled!(), true);
  });

  it('per-tab values override the defaults, and colours read back as [r, g, b, a]', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3({ action: { default_title: 'T' } }) });
    const action = actionOf(sw(extension));
    const tab = browser.openTab('https://a.test/');
    await action.setTitle!({ title: 'mine', tabId: tab.id });
    assert.equal(await action.getTitle!({ tabId: tab.id }), 'mine');
    assert.equal(await action.getTitle!({}), 'T');
    await action.setBadgeBackgroundColor!({ color: 'rgba(1,2,3,0.5)' });
    assert.deepEqual(await action.getBadgeBackgroundColor!({}), [1, 2, 3, 127]);
    await assert.rejects(action.setBadgeBackgroundColor!({ color: 'nope' }), { message: errors.ACTION_INVALID_COLOR });
    await assert.rejects(action.getTitle!({ tabId: 999 }), { message: errors.tabNotFound(999) });
    await assert.rejects(action.openPopup!(), { message: errors.ACTION_NO_POPUP });
  });
});
