import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import * as errors from '../src/core/errors.ts';
import { extensionIdFromKey, isValidExtensionId } from '../src/index.ts';
import { CONTENT_SCRIPTS_EVERYWHERE, cs, fixture, mv3, page, sw, thrown } from './support.ts';

describe('browser and extensions', () => {
  it('an extension id comes from the manifest key as Chrome computes it', () => {
    // The key below gives this id in Chromium 156 (observed with --load-extension).
    const key =
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtJ9v1Wn2ZsJtKn6Hn7p8s3mD0yF3kQ3rjH3wJcNMYc3xqf5V8l2N5sQY1fYqL8P8Y9o0gC6r2vC3iY2mP6T3xW5n8vR0Q0y7e9mG1d2m8uE3t0f6q9r5s3k1h2b4v7c8x9z0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6A7B8C9D0E1F2G3H4I5J6K7L8M9N0O1P2Q3R4S5T6U7V8W9X0Y1Z2a3b4c5d6e7f8g9h0i1j2k3l4m5n6o7p8q9r0s1t2u3v4w5x6y7z8A9B0C1D2E3F4G5H6I7J8K9L0M1N2O3P4Q5R6S7T8U9V0wIDAQAB';
    const id = extensionIdFromKey(key);
    assert.ok(isValidExtensionId(id));
    const { browser } = fixture();
    assert.equal(browser.installExtension({ manifest: mv3({ key }), id: 'a'.repeat(32) }).id, id);
  });

  it('a generated key gives a 32-letter a–p id, stable for the same key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    assert.match(extensionIdFromKey(key), /^[a-p]{32}$/);
    assert.equal(extensionIdFromKey(key), extensionIdFromKey(key));
  });

  it('without a key the given id is used, else one is generated', () => {
    const { browser } = fixture();
    assert.equal(browser.installExtension({ manifest: mv3(), id: 'abcdefghijklmnopabcdefghijklmnop' }).id, 'abcdefghijklmnopabcdefghijklmnop');
    assert.match(browser.installExtension({ manifest: mv3() }).id, /^[a-p]{32}$/);
    assert.throws(() => browser.installExtension({ manifest: mv3(), id: 'not-an-id' }), /Invalid extension id 'not-an-id'/);
  });

  it('browsers side by side share nothing', async () => {
    const a = fixture().browser;
    const b = fixture().browser;
    const id = 'abcdefghijklmnopabcdefghijklmnop';
    const inA = a.installExtension({ manifest: mv3(), id });
    const inB = b.installExtension({ manifest: mv3(), id });
    const got: string[] = [];
    sw(inA).runtime.onMessage.addListener(() => void got.push('a'));
    sw(inB).runtime.onMessage.addListener(() => void got.push('b'));
    await page(inA.openPage('p.html').mainFrame.document.mainWorld).runtime.sendMessage('hi');
    assert.deepEqual(got, ['a']);
  });

  it('an extension page lives at chrome-extension://<id>/<path> in a tab', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const tab = extension.openPage('popup.html');
    assert.equal(tab.url, `chrome-extension://${extension.id}/popup.html`);
    assert.equal(tab.mainFrame.document.mainWorld.type, 'extension_page');
    assert.equal(tab.mainFrame.document.origin, `chrome-extension://${extension.id}`);
  });

  it('disabling an extension invalidates its contexts: later API use throws "Extension context invalidated."', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
    const tab = browser.openTab('https://example.com/');
    const content = cs(tab.mainFrame, extension);
    const worker = sw(extension);
    extension.disable();
    assert.equal(thrown(() => worker.runtime.connect()).message, errors.CONTEXT_INVALIDATED);
    assert.equal(extension.serviceWorker, undefined);
    // Content scripts are invalidated once the disconnects already on their way have reached them.
    await browser.idle();
    const error = thrown(() => content.runtime.sendMessage('x'));
    assert.equal(error.message, errors.CONTEXT_INVALIDATED);
  });

  it('reloading an extension orphans old content scripts, closes its ports, and starts a new service worker', async () => {
    const { browser } = fixture();
    const starts: number[] = [];
    const extension = browser.installExtension({
      manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE),
      scripts: { 'sw.js': ({ chrome }) => void starts.push((chrome as object) ? 1 : 0) },
    });
    const tab = browser.openTab('https://example.com/');
    const content = cs(tab.mainFrame, extension);
    sw(extension).runtime.onConnect.addListener(() => undefined);
    const port = content.runtime.connect();
    await browser.idle();
    const heard: string[] = [];
    port.onDisconnect.addListener(() => void heard.push(`onDisconnect, context valid: ${content.runtime.id === extension.id}`));
    extension.reload();
    assert.equal(starts.length, 2);
    await browser.idle();
    assert.deepEqual(heard, ['onDisconnect, context valid: true'], 'the port hears of it before its context is invalidated');
    assert.equal(thrown(() => content.runtime.connect()).message, errors.CONTEXT_INVALIDATED);
    assert.equal(tab.mainFrame.contentScript(extension), undefined);
    assert.equal(extension.serviceWorker?.valid, true);
  });

  it('uninstalling removes the extension: messages to it find no receiving end', async () => {
    const { browser } = fixture();
    const target = browser.installExtension({ manifest: mv3() });
    const caller = browser.installExtension({ manifest: mv3() });
    sw(target).runtime.onMessageExternal.addListener((_m, _s, reply) => void reply('here'));
    assert.equal(await sw(caller).runtime.sendMessage(target.id, 'ping'), 'here');
    target.uninstall();
    await assert.rejects(sw(caller).runtime.sendMessage(target.id, 'ping') as Promise<unknown>, {
      message: errors.RECEIVING_END_DOES_NOT_EXIST,
    });
  });
});

describe('tabs, frames and documents', () => {
  it('the main frame has frameId 0; subframes have positive ids, their parent, URL, origin and a documentId', () => {
    const { browser } = fixture();
    const tab = browser.openTab({ url: 'https://a.test/', frames: [{ url: 'https://b.test/x', frames: ['https://c.test/'] }] });
    const [main, child, grandchild] = tab.frames();
    assert.equal(main!.frameId, 0);
    assert.ok(child!.frameId > 0 && grandchild!.frameId > 0 && child!.frameId !== grandchild!.frameId);
    assert.equal(grandchild!.parent, child);
    assert.equal(child!.document.origin, 'https://b.test');
    assert.match(child!.document.documentId, /^[0-9A-F]{32}$/);
    assert.notEqual(child!.document.documentId, main!.document.documentId);
  });

  it('navigating a frame gives it a new document with a new documentId; the frameId stays', () => {
    const { browser } = fixture();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const child = tab.frames()[1]!;
    const before = child.document.documentId;
    child.navigate('https://c.test/');
    assert.notEqual(child.document.documentId, before);
    assert.equal(tab.frames()[1], child);
    assert.equal(child.url, 'https://c.test/');
  });

  it('reload gives the main frame a fresh document and re-injects content scripts', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
    const tab = browser.openTab('https://a.test/');
    const world = tab.mainFrame.contentScript(extension)!;
    tab.reload();
    assert.equal(world.valid, false);
    assert.equal(tab.mainFrame.contentScript(extension)?.valid, true);
    assert.notEqual(tab.mainFrame.contentScript(extension), world);
  });

  it('content scripts go only where matches, exclude_matches and all_frames say', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({
      manifest: mv3({
        content_scripts: [{ matches: ['https://*.example.com/*'], exclude_matches: ['https://private.example.com/*'], js: ['cs.js'] }],
      }),
    });
    const tab = browser.openTab({ url: 'https://www.example.com/', frames: ['https://sub.example.com/'] });
    assert.ok(tab.mainFrame.contentScript(extension));
    assert.equal(tab.frames()[1]!.contentScript(extension), undefined, 'all_frames is false by default');
    const excluded = browser.openTab('https://private.example.com/');
    assert.equal(excluded.mainFrame.contentScript(extension), undefined);
    const elsewhere = browser.openTab('https://example.org/');
    assert.equal(elsewhere.mainFrame.contentScript(extension), undefined);
  });

  it('executeScript injects into any frame, as scripting.executeScript does, and runs the script there', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const tab = browser.openTab('https://a.test/');
    let ranWith: unknown;
    const world = tab.mainFrame.executeScript(extension, ({ chrome }) => void (ranWith = chrome));
    assert.equal(world.type, 'content_script');
    assert.equal(ranWith, world.chrome);
  });

  it('a closed tab cannot be navigated; a removed frame cannot be used', () => {
    const { browser } = fixture();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://b.test/'] });
    const child = tab.frames()[1]!;
    child.remove();
    assert.throws(() => child.navigate('https://c.test/'), /detached/);
    tab.close();
    assert.throws(() => tab.navigate('https://c.test/'), /closed/);
    assert.equal(browser.getTab(tab.id), undefined);
  });

  it('the back/forward cache keeps the page: going back restores the same document', () => {
    const { browser } = fixture();
    const tab = browser.openTab('https://a.test/');
    const first = tab.mainFrame.document;
    tab.navigate('https://b.test/');
    assert.equal(first.lifecycle, 'cached');
    tab.goBack();
    assert.equal(tab.mainFrame.document, first);
    assert.equal(first.lifecycle, 'active');
    tab.goForward();
    assert.equal(tab.url, 'https://b.test/');
  });
});

describe('the chrome and browser objects', () => {
  it('browser is its own object sharing chrome\'s namespaces (Chrome 144+), absent before', () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const worker = extension.serviceWorker!;
    const namespace = worker.browserNamespace as { runtime: unknown; tabs: unknown };
    assert.notEqual(namespace, worker.chrome);
    assert.equal(namespace.runtime, sw(extension).runtime);
    assert.equal(namespace.tabs, sw(extension).tabs);
    const old = fixture({ chromeVersion: 143 }).browser.installExtension({ manifest: mv3() });
    assert.equal(old.serviceWorker!.browserNamespace, undefined);
  });

  it('lastError is a key of chrome.runtime only while a callback runs', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3() });
    const { runtime } = sw(extension);
    assert.equal('lastError' in runtime, false);
    const during = await new Promise<{ has: boolean; keys: string[] }>((resolve) =>
      runtime.sendMessage('nobody listens', () => resolve({ has: 'lastError' in runtime, keys: Object.keys(runtime.lastError!) })),
    );
    assert.deepEqual(during, { has: true, keys: ['message'] });
    assert.equal('lastError' in runtime, false);
  });

  it('runtime.id reads undefined in a context whose extension was reloaded', async () => {
    const { browser } = fixture();
    const extension = browser.installExtension({ manifest: mv3(CONTENT_SCRIPTS_EVERYWHERE) });
    const content = cs(browser.openTab('https://example.com/').mainFrame, extension);
    assert.equal(content.runtime.id, extension.id);
    extension.reload();
    await browser.idle();
    assert.equal(content.runtime.id, undefined);
  });
});
