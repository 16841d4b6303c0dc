import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContextScript } from '../../src/core/context.ts';
import type { Extension } from '../../src/core/extension.ts';
import { errors } from '../../src/index.ts';
import { grantActiveTab, injectedSheetsOf } from '../../src/platform/scripting.ts';
import { fixture, mv3, rejection, sw, thrown, withCallback } from '../support.ts';

/** The `chrome` an injected func sees where it runs (not the test's). */
declare const chrome: { runtime: { sendMessage(message: string): void } };

type Fn = (...args: unknown[]) => Promise<unknown>;
type Scripting = Record<'executeScript' | 'insertCSS' | 'removeCSS' | 'registerContentScripts' | 'getRegisteredContentScripts' | 'updateContentScripts' | 'unregisterContentScripts', Fn>;

function scriptingOf(extension: Extension): Scripting {
  return (sw(extension) as unknown as { scripting: Scripting }).scripting;
}

function setup(extra: Record<string, unknown> = {}, scripts: Record<string, ContextScript> = {}) {
  const fx = fixture();
  const extension = fx.browser.installExtension({
    manifest: mv3({ permissions: ['scripting'], host_permissions: ['https://a.test/*'], ...extra }),
    scripts,
  });
  return { ...fx, extension, scripting: scriptingOf(extension) };
}

describe('scripting', () => {
  it('chrome.scripting needs the scripting permission, and is only in privileged contexts', () => {
    const { browser } = fixture();
    const without = browser.installExtension({ manifest: mv3() });
    assert.equal('scripting' in (sw(without) as object), false);
    const { extension } = setup();
    assert.equal(typeof scriptingOf(extension).executeScript, 'function');
  });

  it('a func runs in every frame with its JSON args, results top frame first with documentId, frameId and result', async () => {
    const { browser, scripting } = setup();
    const tab = browser.openTab({ url: 'https://a.test/', frames: ['https://a.test/frame'] });
    const results = (await scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, func: (a: number, b: { n: number }) => a + b.n, args: [1, { n: 2 }] })) as Record<string, unknown>[];
    assert.deepEqual(results.map((r) => Object.keys(r)), [['documentId', 'frameId', 'result'], ['documentId', 'frameId', 'result']]);
    assert.deepEqual(results.map((r) => r.result), [3, 3]);
    assert.equal(results[0]!.frameId, 0);
    assert.equal(results[0]!.documentId, tab.mainFrame.document.documentId);
  });

  it('a func cannot see the caller\'s closures: the ReferenceError gives a null result and an uncaught error in the frame', async () => {
    const { browser, scripting, console } = setup();
    const tab = browser.openTab('https://a.test/');
    const secret = 'worker only';
    const results = (await scripting.executeScript({ target: { tabId: tab.id }, func: () => secret })) as { result: unknown }[];
    assert.deepEqual(results.map((r) => r.result), [null]);
    assert.ok(console.some((entry) => entry.context.type === 'content_script' && /Uncaught ReferenceError: secret is not defined/.test(entry.message.text)));
  });

  it('a returned promise is awaited, and the result is converted as V8ValueConverter does (keys sorted, undefined and functions gone)', async () => {
    const { browser, scripting } = setup();
    const tab = browser.openTab('https://a.test/');
    const results = (await scripting.executeScript({
      target: { tabId: tab.id },
      func: () => Promise.resolve({ z: 1, a: [undefined, () => 1], d: new Date(0), u: undefined, n: NaN }),
    })) as { result: unknown }[];
    assert.deepEqual(results[0]!.result, { a: [null, null], d: {}, z: 1 });
    assert.deepEqual(Object.keys(results[0]!.result as object), ['a', 'd', 'z']);
  });

  it('an in-code file is its script: its return value is the result, and it runs in the extension\'s isolated world', async () => {
    const { browser, scripting } = setup({}, { 'inject.js': ({ context }) => `${context.type} ${context.url}` as unknown as void });
    const tab = browser.openTab('https://a.test/');
    const results = (await scripting.executeScript({ target: { tabId: tab.id }, files: ['inject.js'] })) as { result: unknown }[];
    assert.deepEqual(results.map((r) => r.result), ['content_script https://a.test/']);
  });

  it('an injected script messages the worker with a content script\'s sender', async () => {
    const senders: unknown[] = [];
    const { browser, scripting } = setup({}, {
      'sw.js': ({ chrome }) => (chrome as { runtime: { onMessage: { addListener(l: (m: unknown, s: { frameId: number; url: string }) => void): void } } }).runtime.onMessage.addListener((_m, sender) => senders.push([sender.frameId, sender.url])),
    });
    const tab = browser.openTab('https://a.test/');
    await scripting.executeScript({ target: { tabId: tab.id }, func: () => chrome.runtime.sendMessage('hi') });
    await browser.idle();
    assert.deepEqual(senders, [[0, 'https://a.test/']]);
  });

  it('MAIN runs in the page\'s main world, ISOLATED in the extension\'s isolated world', async () => {
    const { browser, scripting } = setup();
    const tab = browser.openTab('https://a.test/');
    await scripting.executeScript({ target: { tabId: tab.id }, func: () => 0, world: 'MAIN' });
    assert.equal(tab.mainFrame.contentScript(browser.extensions.values().next().value!), undefined, 'MAIN creates no isolated world');
    await scripting.executeScript({ target: { tabId: tab.id }, func: () => 0 });
    assert.ok(tab.mainFrame.contentScript(browser.extensions.values().next().value!));
  });

  it('a page without host permission, an unknown tab, frame or document fail with Chrome\'s errors', async () => {
    const { browser, scripting } = setup();
    const other = browser.openTab('https://b.test/');
    const tab = browser.openTab('https://a.test/');
    const func = () => 0;
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: other.id }, func }))).message, errors.CANNOT_ACCESS_PAGE);
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: 987654 }, func }))).message, 'No tab with id: 987654');
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: tab.id, frameIds: [42424] }, func }))).message, errors.scriptingNoFrameInTab(42424, tab.id));
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: tab.id, documentIds: ['nope'] }, func }))).message, 'Invalid document id nope');
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: tab.id, allFrames: true, frameIds: [0] }, func }))).message, errors.SCRIPTING_ALL_FRAMES_WITH_IDS);
  });

  it('files and func together or neither, args with files, missing, duplicate or no files fail as in Chrome', async () => {
    const { browser, scripting } = setup({}, { 'inject.js': () => undefined });
    const tab = browser.openTab('https://a.test/');
    const target = { tabId: tab.id };
    const message = async (injection: object) => (await rejection(scripting.executeScript({ target, ...injection }))).message;
    assert.equal(await message({ files: ['inject.js'], func: () => 0 }), errors.SCRIPTING_EXACTLY_ONE_OF_FUNC_AND_FILES);
    assert.equal(await message({}), errors.SCRIPTING_EXACTLY_ONE_OF_FUNC_AND_FILES);
    assert.equal(await message({ files: ['inject.js'], args: [1] }), errors.SCRIPTING_ARGS_WITH_FILES);
    assert.equal(await message({ files: ['missing.js'] }), "Could not load file: 'missing.js'.");
    assert.equal(await message({ files: ['inject.js', 'inject.js'] }), "Duplicate file specified: 'inject.js'.");
    assert.equal(await message({ files: [] }), errors.SCRIPTING_AT_LEAST_ONE_FILE);
  });

  it('an arg V8ValueConverter cannot convert throws the invocation TypeError at once', () => {
    const { browser, scripting } = setup();
    const tab = browser.openTab('https://a.test/');
    const error = thrown(() => scripting.executeScript({ target: { tabId: tab.id }, func: () => 0, args: [undefined] }));
    assert.equal(error.name, 'TypeError');
    assert.match(error.message, /Error at property 'args': Error at index 0: Value is unserializable\.$/);
  });

  it('with a callback, a failure sets runtime.lastError and the callback gets no arguments', async () => {
    const { extension, scripting } = setup();
    const chrome = sw(extension) as unknown as { runtime: { lastError?: { message: string } } };
    void chrome.runtime;
    const { args, lastError } = await withCallback((callback) => scripting.executeScript({ target: { tabId: 987654 }, func: () => 0 }, callback), chrome);
    assert.deepEqual(args, []);
    assert.equal(lastError, 'No tab with id: 987654');
  });

  it('activeTab grants a tab without host permission until it navigates to another origin', async () => {
    const { browser, extension, scripting } = setup({ permissions: ['scripting', 'activeTab'], host_permissions: [] });
    const tab = browser.openTab('https://c.test/');
    grantActiveTab(extension, tab.id);
    assert.equal(((await scripting.executeScript({ target: { tabId: tab.id }, func: () => 1 })) as unknown[]).length, 1);
    tab.navigate('https://d.test/');
    assert.equal((await rejection(scripting.executeScript({ target: { tabId: tab.id }, func: () => 1 }))).message, errors.CANNOT_ACCESS_PAGE);
  });

  it('insertCSS records the sheet on the document and removeCSS takes it away; css and files together fail', async () => {
    const { browser, scripting } = setup();
    const tab = browser.openTab('https://a.test/');
    assert.equal(await scripting.insertCSS({ target: { tabId: tab.id }, css: 'p { color: red }' }), undefined);
    assert.deepEqual(injectedSheetsOf(tab.mainFrame.document).map((sheet) => sheet.css), ['p { color: red }']);
    await scripting.removeCSS({ target: { tabId: tab.id }, css: 'p { color: red }' });
    assert.deepEqual(injectedSheetsOf(tab.mainFrame.document), []);
    assert.equal((await rejection(scripting.insertCSS({ target: { tabId: tab.id }, css: 'p {}', files: ['a.css'] }))).message, errors.SCRIPTING_EXACTLY_ONE_OF_CSS_AND_FILES);
  });

  it('a registered content script runs in matching documents created afterwards, after the manifest\'s', async () => {
    const ran: string[] = [];
    const { browser, scripting } = setup(
      { content_scripts: [{ matches: ['https://a.test/*'], js: ['static.js'] }] },
      { 'static.js': () => void ran.push('static'), 'dynamic.js': ({ context }) => void ran.push(`dynamic in ${context.type}`) },
    );
    await scripting.registerContentScripts([{ id: 'dyn', matches: ['https://a.test/*'], excludeMatches: ['https://a.test/no'], js: ['dynamic.js'] }]);
    browser.openTab('https://a.test/');
    browser.openTab('https://a.test/no');
    assert.deepEqual(ran, ['static', 'dynamic in content_script', 'static']);
  });

  it('registered scripts are listed with Chrome\'s defaults and key order; ids are checked as Chrome checks them', async () => {
    const { scripting } = setup({}, { 'dynamic.js': () => undefined });
    await scripting.registerContentScripts([{ id: 'dyn', matches: ['https://a.test/*'], js: ['dynamic.js'] }]);
    const [info] = (await scripting.getRegisteredContentScripts()) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(info!), ['allFrames', 'id', 'js', 'matchOriginAsFallback', 'matches', 'persistAcrossSessions', 'runAt', 'world']);
    assert.equal(info!.runAt, 'document_idle');
    const message = async (promise: Promise<unknown>) => (await rejection(promise)).message;
    assert.equal(await message(scripting.registerContentScripts([{ id: 'dyn', matches: ['https://a.test/*'], js: ['dynamic.js'] }])), "Duplicate script ID 'dyn'");
    assert.equal(await message(scripting.registerContentScripts([{ id: '_x', matches: ['https://a.test/*'], js: ['dynamic.js'] }])), "Script's ID '_x' must not start with '_'");
    assert.equal(await message(scripting.registerContentScripts([{ id: 'm', js: ['dynamic.js'] }])), "Script with ID 'm' must specify 'matches'.");
    assert.equal(await message(scripting.registerContentScripts([{ id: 'f', matches: ['https://a.test/*'], js: ['missing.js'] }])), "Could not load javascript 'missing.js' for script.");
    assert.equal(await message(scripting.updateContentScripts([{ id: 'nope' }])), "Script with ID 'nope' does not exist or is not fully registered");
    assert.equal(await message(scripting.unregisterContentScripts({ ids: ['nope'] })), "Nonexistent script ID 'nope'");
  });

  it('an update changes only the given properties, and the script is persistent only if the update says so', async () => {
    const { scripting } = setup({}, { 'dynamic.js': () => undefined });
    await scripting.registerContentScripts([{ id: 'dyn', matches: ['https://a.test/*'], js: ['dynamic.js'], runAt: 'document_end' }]);
    await scripting.updateContentScripts([{ id: 'dyn', allFrames: true }]);
    const [info] = (await scripting.getRegisteredContentScripts({ ids: ['dyn'] })) as Record<string, unknown>[];
    assert.deepEqual([info!.allFrames, info!.runAt, info!.persistAcrossSessions], [true, 'document_end', false]);
  });

  it('unregistering with an empty id list removes every script, as Chromium does (crbug.com/40216362)', async () => {
    const { scripting } = setup({}, { 'dynamic.js': () => undefined });
    await scripting.registerContentScripts([{ id: 'a', matches: ['https://a.test/*'], js: ['dynamic.js'] }, { id: 'b', matches: ['https://a.test/*'], js: ['dynamic.js'] }]);
    await scripting.unregisterContentScripts({ ids: [] });
    assert.deepEqual(await scripting.getRegisteredContentScripts(), []);
  });
});
