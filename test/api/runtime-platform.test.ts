import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExtensionChrome } from '../../src/api/chrome.ts';
import { errors } from '../../src/index.ts';
import { fixture, mv3, sw } from '../support.ts';

type Chrome = ExtensionChrome & { runtime: Record<string, unknown> & ExtensionChrome['runtime'] };

describe('runtime beyond messaging', () => {
  it('a new extension hears onInstalled with reason install once its worker ran', async () => {
    const { browser } = fixture();
    const heard: unknown[] = [];
    browser.installExtension({
      manifest: mv3(),
      scripts: {
        'sw.js': ({ chrome }) => {
          ((chrome as Chrome).runtime.onInstalled as { addListener(listener: (details: unknown) => void): void }).addListener((details) => heard.push(details));
        },
      },
    });
    assert.deepEqual(heard, [], 'not during installation itself');
    await browser.idle();
    assert.deepEqual(heard, [{ reason: 'install' }]);
  });

  it('getManifest sorts the manifest keys at every level, and each call gives a new copy', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3({ zeta: { b: 1, a: 2 }, description: 'd' }) });
    const runtime = (sw(extension) as Chrome).runtime;
    const manifest = (runtime.getManifest as () => Record<string, unknown>)();
    assert.deepEqual(Object.keys(manifest), ['background', 'description', 'manifest_version', 'name', 'version', 'zeta']);
    assert.deepEqual(Object.keys(manifest.zeta as object), ['a', 'b']);
    assert.notEqual(manifest, (runtime.getManifest as () => unknown)());
  });

  it('openOptionsPage without an options page fails with Chrome\'s error, with one it opens a tab', async () => {
    const { browser } = fixture();
    const bare = browser.installExtension({ manifest: mv3() });
    await assert.rejects((sw(bare) as Chrome).runtime.openOptionsPage as () => Promise<void>, { message: errors.OPTIONS_PAGE_MISSING });
    const withOptions = browser.installExtension({ manifest: mv3({ options_ui: { page: 'options.html' } }) });
    await ((sw(withOptions) as Chrome).runtime.openOptionsPage as () => Promise<void>)();
    assert.deepEqual([...browser.tabs.values()].map((tab) => tab.url), [withOptions.getURL('options.html')]);
  });

  it('getContexts lists the worker and the pages, filtered by type', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    extension.openPage('page.html');
    const getContexts = (sw(extension) as Chrome).runtime.getContexts as (filter: object) => Promise<{ contextType: string; tabId: number }[]>;
    const all = await getContexts({});
    assert.deepEqual(all.map((context) => context.contextType), ['BACKGROUND', 'TAB']);
    assert.equal(all[0]!.tabId, -1);
    assert.deepEqual((await getContexts({ contextTypes: ['TAB'] })).length, 1);
    assert.throws(() => getContexts({ contextTypes: ['NOPE'] }), /Value must be one of BACKGROUND, DEVELOPER_TOOLS/);
  });

  it('a namespace Chrome gives the context and Switchboard lacks reads undefined and warns once', () => {
    const { browser, console } = fixture();
    const extension = browser.installExtension({ manifest: mv3({ permissions: ['bookmarks'] }) });
    const chrome = sw(extension) as unknown as Record<string, unknown>;
    assert.ok(Object.keys(chrome).includes('bookmarks'), 'Chrome has chrome.bookmarks with the permission');
    assert.equal(chrome.bookmarks, undefined);
    assert.equal(chrome.bookmarks, undefined);
    const warnings = console.filter((entry) => entry.message.level === 'warn').map((entry) => entry.message.text);
    assert.deepEqual(warnings, [errors.notImplemented('chrome.bookmarks')]);
  });

  it('a namespace the manifest does not grant is absent, with no warning', () => {
    const { browser, console } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const chrome = sw(extension) as unknown as Record<string, unknown>;
    assert.equal('bookmarks' in chrome, false);
    assert.equal(console.length, 0);
  });

  it('chrome.runtime has Chrome\'s keys in Chrome\'s order', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const keys = Object.keys((sw(extension) as Chrome).runtime);
    assert.deepEqual(keys.slice(0, 4), ['dynamicId', 'id', 'onRestartRequired', 'onUserScriptMessage']);
    assert.ok(keys.indexOf('getURL') < keys.indexOf('sendMessage') && keys.indexOf('sendMessage') < keys.indexOf('ContextType'));
  });
});
