import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Dom } from '../../src/api/dom.ts';
import type { ExtensionNamespace } from '../../src/api/extension.ts';
import { attachDom, loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { fixture, mv3, sw, thrown } from '../support.ts';

type ExtensionChrome = { extension: ExtensionNamespace; dom: Dom };

function unpacked(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sb-extension-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('chrome.extension and chrome.dom', () => {
  it('a service worker has ViewType, inIncognitoContext false, file access true, incognito access false', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3(), scripts: { 'sw.js': () => {} } });
    const chrome = sw(extension) as unknown as ExtensionChrome;
    assert.deepEqual(Object.keys(chrome.extension), ['isAllowedFileSchemeAccess', 'isAllowedIncognitoAccess', 'setUpdateUrlData', 'ViewType', 'inIncognitoContext']);
    assert.deepEqual(chrome.extension.ViewType, { POPUP: 'popup', TAB: 'tab' });
    assert.equal(chrome.extension.inIncognitoContext, false);
    assert.equal(await chrome.extension.isAllowedFileSchemeAccess(), true);
    assert.equal(await chrome.extension.isAllowedIncognitoAccess(), false);
    await browser.idle();
  });

  it('setUpdateUrlData takes at most 1024 characters', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3(), scripts: { 'sw.js': () => {} } });
    const chrome = sw(extension) as unknown as ExtensionChrome;
    assert.equal(chrome.extension.setUpdateUrlData('x=1'), undefined);
    assert.match(thrown(() => chrome.extension.setUpdateUrlData('x'.repeat(1025))).message, /String must have at most 1024 characters; found 1025\./);
  });

  it('in pages getViews lists the extension\'s page windows in creation order, and getBackgroundPage is undefined', async () => {
    const { browser } = fixture();
    attachDom(browser);
    const root = unpacked({
      'manifest.json': JSON.stringify(mv3()),
      'sw.js': '',
      'page.html': '<!doctype html><title>page</title><div id="host"></div>',
    });
    const extension = loadUnpacked(browser, root);
    extension.openPage('page.html');
    extension.openPage('page.html?second');
    await browser.idle();
    const [first, second] = [...extension.pageContexts];
    const chrome = second!.chrome as unknown as ExtensionChrome;
    const views = chrome.extension.getViews() as { location: { href: string } }[];
    assert.deepEqual(views.map((view) => view.location.href), [extension.getURL('page.html'), extension.getURL('page.html?second')]);
    assert.equal(chrome.extension.getViews({ type: 'popup' }).length, 0);
    assert.equal(chrome.extension.getBackgroundPage(), undefined);
    assert.ok(first);
  });

  it('openOrClosedShadowRoot gives a closed shadow root, null without one, and throws for a non-element', async () => {
    const { browser } = fixture();
    attachDom(browser);
    const root = unpacked({ 'manifest.json': JSON.stringify(mv3()), 'sw.js': '', 'page.html': '<!doctype html><div id="host"></div>' });
    const extension = loadUnpacked(browser, root);
    extension.openPage('page.html');
    await browser.idle();
    const [context] = [...extension.pageContexts];
    // As the page's own code calls it: elements cross the page realm's membrane.
    const inPage = (source: string) => realmOfContext(context!)!.evaluate(source, 'test:page');
    inPage('var host = document.getElementById("host"); var shadow = host.attachShadow({ mode: "closed" });');
    assert.equal(inPage('host.shadowRoot'), null);
    assert.equal(inPage('chrome.dom.openOrClosedShadowRoot(host) === shadow'), true);
    assert.equal(inPage('chrome.dom.openOrClosedShadowRoot(document.body)'), null);
    assert.match(String(inPage('try { chrome.dom.openOrClosedShadowRoot({}); } catch (error) { error.message }')), /^Error in invocation of dom\.openOrClosedShadowRoot\(HTMLElement element\): $/);
  });
});
