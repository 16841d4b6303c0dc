import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Storage } from '../../src/api/storage.ts';
import * as errors from '../../src/core/errors.ts';
import type { ScriptContext } from '../../src/index.ts';
import { storageOf } from '../../src/platform/storage.ts';
import { fixture, mv3, rejection, thrown, withCallback } from '../support.ts';

type Chrome = { storage: Storage; runtime: { id: string; lastError?: { message: string } } };
const chromeOf = (context: ScriptContext | undefined): Chrome => context!.chrome as unknown as Chrome;
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function setup(permissions: string[] = ['storage']) {
  const f = fixture();
  const extension = f.browser.installExtension({
    manifest: mv3({ permissions, content_scripts: [{ matches: ['https://a.test/*'], js: ['cs.js'] }] }),
  });
  const tab = f.browser.openTab('https://a.test/');
  const worker = chromeOf(extension.serviceWorker);
  const content = chromeOf(tab.mainFrame.contentScript(extension));
  return { ...f, extension, tab, worker, content };
}

describe('chrome.storage: who has it', () => {
  it('the service worker, extension pages and content scripts have chrome.storage only with the "storage" permission', () => {
    const without = setup([]);
    assert.equal('storage' in without.worker, false);
    assert.equal('storage' in without.content, false);
    const { worker, content, extension } = setup();
    const page = chromeOf(extension.openPage('page.html').mainFrame.document.mainWorld);
    for (const chrome of [worker, content, page]) {
      assert.deepEqual(Object.keys(chrome.storage), ['sync', 'session', 'managed', 'local', 'onChanged', 'AccessLevel']);
    }
  });

  it('each area has its members and exactly Chrome\'s constants, and AccessLevel is the enum', () => {
    const { worker } = setup();
    const members = ['get', 'getKeys', 'set', 'remove', 'clear', 'getBytesInUse', 'setAccessLevel', 'onChanged'];
    assert.deepEqual(Object.keys(worker.storage.local), [...members, 'QUOTA_BYTES']);
    assert.deepEqual(Object.keys(worker.storage.managed), members);
    const constants = Object.fromEntries(Object.entries(worker.storage.sync).filter(([, value]) => typeof value === 'number'));
    assert.deepEqual(constants, {
      QUOTA_BYTES: 102400,
      QUOTA_BYTES_PER_ITEM: 8192,
      MAX_ITEMS: 512,
      MAX_WRITE_OPERATIONS_PER_HOUR: 1800,
      MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
      MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE: 1000000,
    });
    assert.equal(worker.storage.session.QUOTA_BYTES, 10485760);
    assert.deepEqual(Object.getOwnPropertyNames(Object.getPrototypeOf(worker.storage.local)), ['constructor']);
    assert.deepEqual(plain(worker.storage.AccessLevel), { TRUSTED_AND_UNTRUSTED_CONTEXTS: 'TRUSTED_AND_UNTRUSTED_CONTEXTS', TRUSTED_CONTEXTS: 'TRUSTED_CONTEXTS' });
  });
});

describe('chrome.storage: get and set', () => {
  it('get gives everything, some keys, or keys with defaults, sorted by key', async () => {
    const { worker } = setup();
    const local = worker.storage.local;
    await local.set({ b: 1, a: 'x', 10: 'ten', nothing: null, gone: undefined });
    assert.deepEqual(plain(await local.get()), { 10: 'ten', a: 'x', b: 1, nothing: null });
    assert.deepEqual(Object.keys((await local.get(null))!), ['10', 'a', 'b', 'nothing']);
    assert.deepEqual(plain(await local.get('a')), { a: 'x' });
    assert.deepEqual(plain(await local.get(['b', 'missing'])), { b: 1 });
    assert.deepEqual(plain(await local.get({ z: 'dz', a: 'da', u: undefined, n: null })), { a: 'x', n: null, z: 'dz' });
    assert.deepEqual(await local.getKeys(), ['10', 'a', 'b', 'nothing']);
  });

  it('values are converted as V8ValueConverter converts them, not as JSON.stringify', async () => {
    const { worker } = setup();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    await worker.storage.local.set({
      fn: () => 1, nan: NaN, date: new Date(0), map: new Map([[1, 2]]), negativeZero: -0, list: [undefined, () => 1, NaN, 2],
      withToJSON: { toJSON: () => 'J', v: 1 }, cyclic, symbol: Symbol('s'),
    });
    assert.deepEqual(plain(await worker.storage.local.get()), {
      cyclic: { a: 1, self: null }, date: {}, list: [null, null, null, 2], map: {}, negativeZero: 0, withToJSON: { v: 1 },
    });
  });

  it('binary cannot go into local or sync storage', async () => {
    const { worker } = setup();
    assert.equal((await rejection(worker.storage.local.set({ b: new Uint8Array(1) }))).message, errors.STORAGE_CANNOT_SERIALIZE);
    assert.equal((await rejection(worker.storage.sync.set({ b: { x: [new ArrayBuffer(1)] } }))).message, errors.STORAGE_CANNOT_SERIALIZE);
  });

  it('a callback gets the result, or nothing for a write; a failure sets lastError', async () => {
    const { worker } = setup();
    assert.deepEqual((await withCallback((cb) => worker.storage.local.set({ a: 1 }, cb), worker)).args, []);
    assert.deepEqual(plain((await withCallback((cb) => worker.storage.local.get('a', cb), worker)).args), [{ a: 1 }]);
    assert.equal((await withCallback((cb) => worker.storage.managed.set({ a: 1 }, cb), worker)).lastError, errors.STORAGE_READ_ONLY);
  });

  it('bad arguments throw the invocation TypeError at once', () => {
    const { worker } = setup();
    const local = worker.storage.local;
    assert.equal(thrown(() => local.get(42)).message, 'Error in invocation of storage.get(optional [string|array|object] keys, optional function callback): No matching signature.');
    assert.equal(
      thrown(() => local.get(['a', 5])).message,
      "Error in invocation of storage.get(optional [string|array|object] keys, optional function callback): Error at parameter 'keys': Value did not match any choice.",
    );
    assert.equal(thrown(() => local.set('x')).message, 'Error in invocation of storage.set(object items, optional function callback): No matching signature.');
    assert.equal(thrown(() => local.remove()).message, 'Error in invocation of storage.remove([string|array] keys, optional function callback): No matching signature.');
    assert.equal(thrown(() => local.getBytesInUse({})).message, 'Error in invocation of storage.getBytesInUse(optional [string|array] keys, optional function callback): No matching signature.');
    assert.equal(
      thrown(() => worker.storage.session.setAccessLevel({ accessLevel: 'NOPE' })).message,
      "Error in invocation of storage.setAccessLevel(object accessOptions, optional function callback): Error at parameter 'accessOptions': Error at property 'accessLevel': Value must be one of TRUSTED_AND_UNTRUSTED_CONTEXTS, TRUSTED_CONTEXTS.",
    );
  });
});

describe('chrome.storage: onChanged', () => {
  it('a real change raises <area>.onChanged then onChanged in every context; an equal value raises nothing', async () => {
    const { browser, worker, content, extension } = setup();
    const page = chromeOf(extension.openPage('page.html').mainFrame.document.mainWorld);
    const seen: unknown[] = [];
    for (const [name, chrome] of [['worker', worker], ['page', page], ['content', content]] as const) {
      chrome.storage.local.onChanged.addListener((changes) => void seen.push([name, 'local', plain(changes)]));
      chrome.storage.onChanged.addListener((changes, area) => void seen.push([name, `onChanged ${area}`, plain(changes)]));
      chrome.storage.sync.onChanged.addListener(() => void seen.push([name, 'sync.onChanged heard a local change']));
    }
    await worker.storage.local.set({ x: { a: 1, b: 2 }, n: 0 });
    await browser.idle();
    const first = { n: { newValue: 0 }, x: { newValue: { a: 1, b: 2 } } };
    // In each context the area's event comes first (the order across contexts is not Chrome's to fix).
    for (const name of ['worker', 'page', 'content']) {
      assert.deepEqual(seen.filter((entry) => (entry as string[])[0] === name), [[name, 'local', first], [name, 'onChanged local', first]]);
    }
    seen.length = 0;
    await worker.storage.local.set({ x: { b: 2, a: 1 }, n: -0 });
    await worker.storage.local.remove('missing');
    await browser.idle();
    assert.deepEqual(seen, []);
    await worker.storage.local.set({ n: 1 });
    await browser.idle();
    assert.deepEqual(seen[0], ['worker', 'local', { n: { newValue: 1, oldValue: 0 } }]);
  });

  it('the events reach the writer before its write settles', async () => {
    const { worker } = setup();
    const order: string[] = [];
    worker.storage.onChanged.addListener(() => void order.push('event'));
    await worker.storage.sync.set({ a: 1 });
    order.push('settled');
    assert.deepEqual(order, ['event', 'settled']);
  });
});

describe('chrome.storage: quotas and read-only storage', () => {
  it('sync refuses an item over QUOTA_BYTES_PER_ITEM, more than MAX_ITEMS, more than QUOTA_BYTES, and stores nothing then', async () => {
    const { worker } = setup();
    const sync = worker.storage.sync;
    assert.equal((await rejection(sync.set({ a: 1, big: 'x'.repeat(8190) }))).message, errors.STORAGE_QUOTA_BYTES_PER_ITEM);
    await sync.set({ bi: 'x'.repeat(8188) }); // 2 + 8190 bytes: exactly the limit
    assert.equal(await sync.getBytesInUse(), 8192);
    const many = Object.fromEntries(Array.from({ length: 512 }, (_, i) => [`k${i}`, i]));
    assert.equal((await rejection(sync.set(many))).message, errors.STORAGE_MAX_ITEMS);
    const heavy = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`q${i}`, 'x'.repeat(8000)]));
    assert.equal((await rejection(sync.set(heavy))).message, errors.STORAGE_QUOTA_BYTES);
    assert.deepEqual(await sync.getKeys(), ['bi']);
  });

  it('local refuses more than 10 MiB unless the extension has "unlimitedStorage"', async () => {
    const huge = { huge: 'x'.repeat(10 * 1024 * 1024) };
    assert.equal((await rejection(setup().worker.storage.local.set(huge))).message, errors.STORAGE_QUOTA_BYTES);
    await setup(['storage', 'unlimitedStorage']).worker.storage.local.set(huge);
  });

  it('session counts base::Value memory, and refuses reaching QUOTA_BYTES', async () => {
    const { worker } = setup();
    const session = worker.storage.session;
    await session.set({ short: 'x'.repeat(22), s23: 'x'.repeat(23), s30: 'x'.repeat(30), ab: { a: 1, b: 2 }, nest: { k: 'x'.repeat(40) } });
    assert.deepEqual(await Promise.all(['short', 's23', 's30', 'ab', 'nest'].map((key) => session.getBytesInUse(key))), [0, 26, 32, 128, 112]);
    assert.equal((await rejection(session.set({ huge: 'x'.repeat(10 * 1024 * 1024) }))).message, errors.SESSION_STORAGE_QUOTA_EXCEEDED);
  });

  it('managed is read-only to the extension, and seeded by policy with an onChanged', async () => {
    const { browser, worker, extension } = setup();
    for (const write of [() => worker.storage.managed.set({ a: 1 }), () => worker.storage.managed.remove('a'), () => worker.storage.managed.clear()]) {
      assert.equal((await rejection(write())).message, errors.STORAGE_READ_ONLY);
    }
    const heard: unknown[] = [];
    worker.storage.onChanged.addListener((changes, area) => void heard.push([area, plain(changes)]));
    storageOf(browser).setManagedStorage(extension, { policy: 'on' });
    await browser.idle();
    assert.deepEqual(plain(await worker.storage.managed.get()), { policy: 'on' });
    assert.deepEqual(heard, [['managed', { policy: { newValue: 'on' } }]]);
    assert.equal(await worker.storage.managed.getBytesInUse(), 0);
  });
});

describe('chrome.storage.session and content scripts', () => {
  it('a content script is refused storage.session and its changes until the worker sets TRUSTED_AND_UNTRUSTED_CONTEXTS', async () => {
    const { browser, worker, content } = setup();
    const heard: unknown[] = [];
    content.storage.onChanged.addListener((changes, area) => void heard.push([area, plain(changes)]));
    assert.equal((await rejection(content.storage.session.get())).message, errors.STORAGE_ACCESS_NOT_ALLOWED);
    await worker.storage.session.set({ r: 1 });
    await browser.idle();
    assert.deepEqual(heard, []);
    await worker.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    assert.deepEqual(plain(await content.storage.session.get()), { r: 1 });
    await worker.storage.session.set({ r: 2 });
    await browser.idle();
    assert.deepEqual(heard, [['session', { r: { newValue: 2, oldValue: 1 } }]]);
    assert.equal((await rejection(content.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }))).message, errors.STORAGE_CANNOT_SET_ACCESS_LEVEL);
  });
});

describe('chrome.storage: lifetime and access from outside', () => {
  it('a reload empties storage.session and keeps local; an uninstall removes everything', async () => {
    const { browser, worker, extension } = setup();
    await worker.storage.local.set({ keep: 1 });
    await worker.storage.session.set({ lose: 1 });
    extension.reload();
    await browser.idle();
    const storage = storageOf(browser);
    assert.deepEqual(storage.area(extension.id, 'session').get(), {});
    assert.deepEqual(storage.area(extension.id, 'local').get(), { keep: 1 });
    extension.uninstall();
    assert.deepEqual(storage.area(extension.id, 'local').get(), {});
  });

  it('tests read and seed an area through storageOf(browser).area(id, name)', async () => {
    const { browser, worker, extension } = setup();
    storageOf(browser).area(extension.id, 'local').set({ seeded: true });
    assert.deepEqual(plain(await worker.storage.local.get('seeded')), { seeded: true });
    await worker.storage.local.set({ written: 1 });
    assert.deepEqual(storageOf(browser).area(extension.id, 'local').get(['written']), { written: 1 });
  });
});
