import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickAction, clickContextMenu, errors } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
type Listener = { addListener(listener: (...args: never[]) => void): void };
type SidePanel = Api & { onOpened: Listener; onClosed: Listener };
const sidePanelOf = (chrome: unknown): SidePanel => (chrome as { sidePanel: SidePanel }).sidePanel;
const manifest = (extra: Record<string, unknown> = {}) => mv3({ permissions: ['sidePanel', 'contextMenus'], side_panel: { default_path: 'panel.html' }, action: {}, ...extra });

describe('chrome.sidePanel', () => {
  it('exists only with the sidePanel permission, in privileged contexts', () => {
    const { browser } = fixture();
    assert.equal('sidePanel' in (sw(browser.installExtension({ manifest: mv3() })) as object), false);
    assert.equal(typeof sidePanelOf(sw(browser.installExtension({ manifest: manifest() }))), 'object');
  });

  it("options fall back from the tab's own to the default ones to the manifest's default_path", async () => {
    const { browser } = fixture();
    const sidePanel = sidePanelOf(sw(browser.installExtension({ manifest: manifest() })));
    const tab = browser.openTab('https://a.test/');
    assert.deepEqual(await sidePanel.getOptions!({ tabId: tab.id }), { enabled: true, path: 'panel.html' });
    await sidePanel.setOptions!({ tabId: tab.id, enabled: false });
    assert.deepEqual(await sidePanel.getOptions!({ tabId: tab.id }), { enabled: false, tabId: tab.id });
    await sidePanel.setOptions!({ tabId: tab.id, path: 'other.html' });
    assert.deepEqual(await sidePanel.getOptions!({ tabId: tab.id }), { enabled: false, path: 'other.html', tabId: tab.id });
    await sidePanel.setOptions!({ path: 'x.html' });
    assert.deepEqual(await sidePanel.getOptions!({}), { enabled: true, path: 'x.html' });
  });

  it('open without a user gesture fails before anything else is checked', async () => {
    const { browser } = fixture();
    const sidePanel = sidePanelOf(sw(browser.installExtension({ manifest: manifest() })));
    await assert.rejects(sidePanel.open!({}), { message: errors.SIDE_PANEL_USER_GESTURE });
  });

  it("the action's click is a user gesture for its listeners' synchronous calls only", async () => {
    const { browser } = fixture();
    const results: string[] = [];
    const opened: unknown[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          const sidePanel = sidePanelOf(chrome);
          sidePanel.onOpened.addListener((info: never) => opened.push(info));
          (chrome as { action: { onClicked: Listener } }).action.onClicked.addListener((async (tab: { windowId: number }) => {
            const now = sidePanel.open!({ windowId: tab.windowId }).then(() => 'ok', (e: Error) => e.message);
            await 0;
            const later = sidePanel.open!({ windowId: tab.windowId }).then(() => 'ok', (e: Error) => e.message);
            results.push(await now, await later);
          }) as never);
        },
      },
    });
    const tab = browser.openTab('https://a.test/');
    clickAction(extension, tab);
    await browser.idle();
    assert.deepEqual(results, ['ok', errors.SIDE_PANEL_USER_GESTURE]);
    assert.deepEqual(opened, [{ path: '/panel.html', windowId: tab.windowId }]);
    const [panel] = [...browser.views];
    assert.equal(panel?.view, 'side_panel');
    assert.equal(panel?.url, extension.getURL('panel.html'));
  });

  it('a context menu click is a user gesture too', async () => {
    const { browser } = fixture();
    let result: string | undefined;
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          (chrome as { contextMenus: Api }).contextMenus.create!({ id: 'open', title: 'Open' });
          ((chrome as { contextMenus: { onClicked: Listener } }).contextMenus.onClicked.addListener(((_info: unknown, tab: { id: number }) => {
            void sidePanelOf(chrome).open!({ tabId: tab.id }).then(() => (result = 'ok'), (e: Error) => (result = e.message));
          }) as never));
        },
      },
    });
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    clickContextMenu(extension, 'open', { tab });
    await browser.idle();
    assert.equal(result, 'ok');
  });

  it('with openPanelOnActionClick a click toggles the panel instead of raising onClicked', async () => {
    const { browser } = fixture();
    let clicks = 0;
    const events: string[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          (chrome as { action: { onClicked: Listener } }).action.onClicked.addListener(() => clicks++);
          sidePanelOf(chrome).onOpened.addListener(() => events.push('opened'));
          sidePanelOf(chrome).onClosed.addListener(() => events.push('closed'));
        },
      },
    });
    const tab = browser.openTab('https://a.test/');
    await sidePanelOf(sw(extension)).setPanelBehavior!({ openPanelOnActionClick: true });
    clickAction(extension, tab);
    await browser.idle();
    assert.equal([...browser.views].filter((v) => !v.closed).length, 1);
    clickAction(extension, tab);
    await browser.idle();
    assert.equal(clicks, 0);
    assert.deepEqual(events, ['opened', 'closed']);
    assert.equal([...browser.views].filter((v) => !v.closed).length, 0);
  });

  it('a disabled panel cannot be opened, and unknown windows and tabs are named', async () => {
    const { browser } = fixture();
    const answers: string[] = [];
    const extension = browser.installExtension({
      manifest: manifest(),
      scripts: {
        'sw.js': ({ chrome }) => {
          const sidePanel = sidePanelOf(chrome);
          void sidePanel.setOptions!({ enabled: false });
          (chrome as { action: { onClicked: Listener } }).action.onClicked.addListener(((tab: { windowId: number }) => {
            for (const options of [{ windowId: tab.windowId }, { windowId: 99999 }, { tabId: 99999 }]) {
              void sidePanel.open!(options).catch((e: Error) => answers.push(e.message));
            }
          }) as never);
        },
      },
    });
    const tab = browser.openTab('https://a.test/');
    await browser.idle();
    clickAction(extension, tab);
    await browser.idle();
    assert.deepEqual(answers, [errors.sidePanelNoActivePanel('windowId', tab.windowId), errors.windowNotFound(99999), errors.tabNotFound(99999)]);
  });

  it('close answers before the panel goes, then onClosed is raised', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: manifest() });
    const tab = browser.openTab('https://a.test/');
    await sidePanelOf(sw(extension)).setPanelBehavior!({ openPanelOnActionClick: true });
    clickAction(extension, tab);
    await browser.idle();
    const [panel] = [...browser.views];
    await sidePanelOf(sw(extension)).close!({ windowId: tab.windowId });
    await browser.idle();
    assert.equal(panel?.closed, true);
    await assert.rejects(sidePanelOf(sw(extension)).close!({}), { message: errors.SIDE_PANEL_TAB_OR_WINDOW });
  });

  it('getLayout is on the right and Side has both sides', async () => {
    const { browser } = fixture();
    const sidePanel = sidePanelOf(sw(browser.installExtension({ manifest: manifest() })));
    assert.deepEqual(await sidePanel.getLayout!(), { side: 'right' });
    assert.deepEqual({ ...(sidePanel.Side as unknown as object) }, { LEFT: 'left', RIGHT: 'right' });
  });
});
