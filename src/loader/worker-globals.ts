/**
 * The web platform of an extension's service worker beyond what every realm gets (web-globals.ts):
 * the Fetch API, `crypto`, `navigator` (a WorkerNavigator), `location` (a WorkerLocation),
 * `performance`, events, `indexedDB` (fake-indexeddb) and `caches`, with the values Chromium 156
 * gives them in an extension's service worker (conformance/worker-web-platform-globals).
 *
 * IndexedDB and the caches are per extension, kept across the worker's restarts as Chrome keeps
 * them on disk. Values read back from IndexedDB are structured clones made on the host: they work
 * in the realm, but fail its `instanceof Object` checks.
 */
import { availableParallelism, totalmem } from 'node:os';
import { webcrypto } from 'node:crypto';
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
} from 'fake-indexeddb';
import type { Browser } from '../core/browser.ts';
import type { ScriptContext } from '../core/context.ts';
import { defineGlobal, type ContextRealm } from './context-realm.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { reportUncaught } from './uncaught.ts';
import { createCacheStorage, createCacheStore, type CacheStore } from './worker-cache.ts';
import { createHid } from './web-hid.ts';
import { installWorkerClients } from './worker-clients.ts';
import { createWorkerFetch, realmValuesOf, type RealmValues } from './worker-fetch.ts';

/** What an extension keeps across its worker's lives. */
interface ExtensionStorage {
  readonly indexedDB: IDBFactory;
  readonly caches: CacheStore;
}

const storages = new WeakMap<Browser, Map<string, ExtensionStorage>>();

function storageOf(browser: Browser, extensionId: string): ExtensionStorage {
  let byId = storages.get(browser);
  if (!byId) storages.set(browser, (byId = new Map()));
  let storage = byId.get(extensionId);
  if (!storage) byId.set(extensionId, (storage = { indexedDB: new IDBFactory(), caches: createCacheStore() }));
  return storage;
}

/** Chromium 156's headless Linux user agent, as the conformance harness's Chromium reports it. */
function userAgent(chromeVersion: number): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/${chromeVersion}.0.0.0 Safari/537.36`;
}

/** Installs the service worker's web platform in `realm`. */
export function installWorkerGlobals(realm: ContextRealm, context: ScriptContext, files: ExtensionFiles): void {
  const global = realm.global;
  const values = realmValuesOf(realm);
  const web = createWorkerFetch(realm, context, files);
  const storage = storageOf(context.browser, files.extensionId);
  const define = (entries: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(entries)) defineGlobal(global, name, value);
  };

  const interfaces: Record<string, unknown> = {};
  define({
    fetch: web.fetch,
    Request: web.Request,
    Response: web.Response,
    Headers: web.Headers,
    Blob: web.Blob,
    File: web.File,
    FormData: web.FormData,
    ReadableStream,
    WritableStream,
    TransformStream,
    EventTarget,
    Event,
    CustomEvent,
    DOMException,
    crypto: createCrypto(values, interfaces),
    CryptoKey,
    navigator: createNavigator(context.browser.chromeVersion, values, interfaces, createHid({ Promise: values.Promise, EventTarget, DOMException, Array: values.Array })),
    location: createLocation(context.url, interfaces),
    performance: createPerformance(values),
    origin: originOf(new URL(context.url)),
    isSecureContext: true,
    crossOriginIsolated: false,
    reportError: (error: unknown) => reportUncaught(context, error),
    indexedDB: storage.indexedDB,
    IDBFactory,
    IDBDatabase,
    IDBObjectStore,
    IDBIndex,
    IDBTransaction,
    IDBRequest,
    IDBOpenDBRequest,
    IDBCursor,
    IDBCursorWithValue,
    IDBKeyRange,
    IDBVersionChangeEvent,
    caches: createCacheStorage(storage.caches, web, values, interfaces),
  });
  define(interfaces);
  installWorkerClients(realm, context, values);
}

/**
 * An object whose accessors and methods live on its interface's prototype, tagged `tag`, as a Web
 * IDL interface's do; the interface object is `interfaces[tag]` (it throws when called, as an
 * interface without a constructor does, and `instanceof` finds the object).
 */
function platformObject(tag: string, members: Record<string, PropertyDescriptor>, interfaces?: Record<string, unknown>): object {
  const prototype = Object.create(Object.prototype, { ...members, [Symbol.toStringTag]: { value: tag, configurable: true } }) as object;
  if (interfaces) {
    const constructor = { [tag]: function () { throw new TypeError('Illegal constructor'); } }[tag]!;
    Object.defineProperty(constructor, 'prototype', { value: prototype });
    Object.defineProperty(prototype, 'constructor', { value: constructor, configurable: true, writable: true });
    interfaces[tag] = constructor;
  }
  return Object.create(prototype) as object;
}

/** The origin of a URL as Chrome serializes it: chrome-extension://<id> (WHATWG URL gives "null" for non-special schemes). */
function originOf(url: URL): string {
  return url.protocol === 'chrome-extension:' ? `${url.protocol}//${url.host}` : url.origin;
}

const getter = (get: () => unknown): PropertyDescriptor => ({ get, enumerable: true, configurable: true });
const method = (value: (...args: never[]) => unknown): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true });

/** `crypto`: Node's Web Crypto, with SubtleCrypto's promises settling in the realm. */
function createCrypto(values: RealmValues, interfaces: Record<string, unknown>): object {
  const subtle = webcrypto.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const methods = ['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey'];
  const realmSubtle = platformObject(
    'SubtleCrypto',
    Object.fromEntries(methods.map((name) => [name, method((...args: unknown[]) => values.adopt(Promise.resolve().then(() => subtle[name]!.apply(webcrypto.subtle, args))))])),
    interfaces,
  );
  return platformObject('Crypto', {
    getRandomValues: method(<T extends ArrayBufferView | null>(array: T) => webcrypto.getRandomValues(array as never) as T),
    randomUUID: method(() => webcrypto.randomUUID()),
    subtle: getter(() => realmSubtle),
  }, interfaces);
}

/**
 * `navigator`: a WorkerNavigator with the fields Chromium 156 gives an extension's service worker,
 * in its order. Language and platform are the harness Chromium's (en-US on Linux); the APIs Chrome
 * hangs here (usb, hid, locks, storage, gpu, …) are not emulated.
 */
function createNavigator(chromeVersion: number, values: RealmValues, interfaces: Record<string, unknown>, hid: object): object {
  const agent = userAgent(chromeVersion);
  const languages = Object.freeze(values.Array.from(['en-US', 'en']));
  const hardwareConcurrency = availableParallelism();
  // Blink's ApproximatedDeviceMemory: gigabytes rounded to a power of two, within [0.25, 8].
  const deviceMemory = Math.min(8, Math.max(0.25, 2 ** Math.round(Math.log2(totalmem() / 2 ** 30))));
  return platformObject('WorkerNavigator', {
    hardwareConcurrency: getter(() => hardwareConcurrency),
    appCodeName: getter(() => 'Mozilla'),
    appName: getter(() => 'Netscape'),
    appVersion: getter(() => agent.replace(/^Mozilla\//, '')),
    platform: getter(() => 'Linux x86_64'),
    product: getter(() => 'Gecko'),
    userAgent: getter(() => agent),
    language: getter(() => languages[0]),
    languages: getter(() => languages),
    onLine: getter(() => true),
    deviceMemory: getter(() => deviceMemory),
    hid: getter(() => hid),
  }, interfaces);
}

/** `location`: the WorkerLocation of the worker's script URL (its fields, in Chrome's order, on the prototype). */
function createLocation(scriptUrl: string, interfaces: Record<string, unknown>): object {
  const url = new URL(scriptUrl);
  const fields = ['protocol', 'host', 'hostname', 'port', 'pathname', 'search', 'hash', 'href'] as const;
  return platformObject('WorkerLocation', {
    origin: getter(() => originOf(url)),
    ...Object.fromEntries(fields.map((field) => [field, getter(() => url[field])])),
    toString: method(() => url.href),
  }, interfaces);
}

/**
 * `performance`: time since the worker started, and marks and measures of its own (Node's
 * performance timeline is the process's, shared by every context).
 */
function createPerformance(values: RealmValues): object {
  const start = performance.now();
  const now = () => performance.now() - start;
  interface Entry {
    name: string;
    entryType: 'mark' | 'measure';
    startTime: number;
    duration: number;
  }
  let entries: Entry[] = [];
  const list = (filter: (entry: Entry) => boolean) => values.Array.from(entries.filter(filter), (entry) => ({ ...entry }));
  const timeOf = (mark: unknown, fallback: number) => {
    if (mark === undefined) return fallback;
    if (typeof mark === 'number') return mark;
    const found = entries.findLast((entry) => entry.entryType === 'mark' && entry.name === String(mark));
    if (!found) throw new DOMException(`Failed to execute 'measure' on 'Performance': The mark '${String(mark)}' does not exist.`, 'SyntaxError');
    return found.startTime;
  };
  return platformObject('Performance', {
    now: method(now),
    timeOrigin: getter(() => performance.timeOrigin + start),
    toJSON: method(() => ({ timeOrigin: performance.timeOrigin + start })),
    mark: method((name: string) => {
      const entry: Entry = { name: String(name), entryType: 'mark', startTime: now(), duration: 0 };
      entries.push(entry);
      return { ...entry };
    }),
    measure: method((name: string, startMark?: unknown, endMark?: unknown) => {
      const startTime = timeOf(startMark, 0);
      const entry: Entry = { name: String(name), entryType: 'measure', startTime, duration: timeOf(endMark, now()) - startTime };
      entries.push(entry);
      return { ...entry };
    }),
    getEntries: method(() => list(() => true)),
    getEntriesByName: method((name: string, type?: string) => list((entry) => entry.name === name && (type === undefined || entry.entryType === type))),
    getEntriesByType: method((type: string) => list((entry) => entry.entryType === type)),
    clearMarks: method((name?: string) => {
      entries = entries.filter((entry) => entry.entryType !== 'mark' || (name !== undefined && entry.name !== name));
    }),
    clearMeasures: method((name?: string) => {
      entries = entries.filter((entry) => entry.entryType !== 'measure' || (name !== undefined && entry.name !== name));
    }),
  });
}
