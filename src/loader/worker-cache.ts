/**
 * `caches`: the Cache API in memory, one CacheStorage per extension (its service worker's
 * restarts and reloads keep it, as Chrome's disk cache does). No npm package implements it over
 * the platform's Request/Response, so it is this small one: entries are a request's URL (without
 * its fragment) and a response's status, headers and body bytes; a match is a new Response each
 * time. What Chromium 156 refuses (a scheme other than http(s), a method other than GET) rejects
 * with its TypeError text. Vary is not honoured.
 */
import { cacheMethodUnsupported, cacheRequestFailed, cacheSchemeUnsupported } from '../core/errors.ts';
import type { RealmValues, WorkerFetch } from './worker-fetch.ts';

interface Entry {
  readonly url: string;
  readonly method: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: [string, string][];
  readonly body: ArrayBuffer;
  /** A fetched response's URL and type; a constructed one's are '' and 'default'. */
  readonly responseUrl: string;
  readonly type: ResponseType;
}

interface QueryOptions {
  readonly ignoreSearch?: boolean;
  readonly ignoreMethod?: boolean;
}

/** What CacheStorage.match asks of each Cache. */
interface CacheObject {
  match(request: unknown, options?: QueryOptions): Promise<Response | undefined>;
}

/** One extension's caches, by name, in creation order. */
export type CacheStore = Map<string, Entry[]>;

export function createCacheStore(): CacheStore {
  return new Map();
}

/** The `caches` object of a worker over `store`. */
export function createCacheStorage(store: CacheStore, web: WorkerFetch, values: RealmValues, interfaces: Record<string, unknown>): object {
  const cachePrototype = interfacePrototype('Cache', interfaces);
  const storagePrototype = interfacePrototype('CacheStorage', interfaces);
  const toRequest = (request: unknown): Request => (request instanceof Request ? request : new web.Request(String(request)));
  const urlOf = (request: Request, ignoreSearch = false) => {
    const url = new URL(request.url);
    url.hash = '';
    if (ignoreSearch) url.search = '';
    return url.href;
  };
  const matches = (entry: Entry, request: Request, options: QueryOptions = {}) =>
    (options.ignoreMethod || request.method === 'GET') && urlOf(new Request(entry.url), options.ignoreSearch) === urlOf(request, options.ignoreSearch);
  const responseOf = (entry: Entry) =>
    web.adoptResponse(new Response(entry.body.slice(0), { status: entry.status, statusText: entry.statusText, headers: entry.headers }), { url: entry.responseUrl, type: entry.type });
  const realm = <T>(work: () => Promise<T> | T): Promise<T> => values.adopt(Promise.resolve().then(work));

  const check = (method: 'put' | 'add' | 'addAll', request: Request) => {
    const scheme = new URL(request.url).protocol.slice(0, -1);
    if (scheme !== 'http' && scheme !== 'https') throw new values.TypeError(cacheSchemeUnsupported(method, scheme));
    if (request.method !== 'GET') throw new values.TypeError(cacheMethodUnsupported(method, request.method));
  };

  const cacheOf = (name: string): CacheObject => {
    const entries = () => store.get(name) ?? [];
    const put = async (request: Request, response: Response) => {
      // Response's own arrayBuffer: the worker's settles in its realm, with a value for the realm.
      const body = await Response.prototype.arrayBuffer.call(response);
      const list = entries().filter((entry) => !matches(entry, request));
      list.push({
        url: urlOf(request),
        method: request.method,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        responseUrl: response.url,
        type: response.type,
      });
      if (store.has(name)) store.set(name, list);
    };
    const add = async (method: 'add' | 'addAll', requests: Request[]) => {
      for (const request of requests) check(method, request);
      const responses = (await Promise.all(requests.map((request) => web.fetch(request)))).map(values.unwrap);
      if (responses.some((response) => !response.ok)) throw new values.TypeError(cacheRequestFailed(method));
      for (const [index, request] of requests.entries()) await put(request, responses[index]!);
    };
    return Object.freeze(Object.setPrototypeOf({
      match: (request: unknown, options?: QueryOptions) =>
        realm(() => {
          const entry = entries().find((candidate) => matches(candidate, toRequest(request), options));
          return entry ? responseOf(entry) : undefined;
        }),
      matchAll: (request?: unknown, options?: QueryOptions) =>
        realm(() => values.Array.from(entries().filter((entry) => request === undefined || matches(entry, toRequest(request), options)), responseOf)),
      put: (request: unknown, response: Response) =>
        realm(async () => {
          const target = toRequest(request);
          check('put', target);
          await put(target, response);
          return undefined;
        }),
      add: (request: unknown) => realm(() => add('add', [toRequest(request)]).then(() => undefined)),
      addAll: (requests: Iterable<unknown>) => realm(() => add('addAll', [...requests].map(toRequest)).then(() => undefined)),
      delete: (request: unknown, options?: QueryOptions) =>
        realm(() => {
          const list = entries();
          const kept = list.filter((entry) => !matches(entry, toRequest(request), options));
          if (store.has(name)) store.set(name, kept);
          return kept.length !== list.length;
        }),
      keys: (request?: unknown, options?: QueryOptions) =>
        realm(() =>
          values.Array.from(
            entries().filter((entry) => request === undefined || matches(entry, toRequest(request), options)),
            (entry) => new web.Request(entry.url, { method: entry.method }),
          ),
        ),
    }, cachePrototype) as CacheObject);
  };

  return Object.freeze(Object.setPrototypeOf({
    open: (name: unknown) =>
      realm(() => {
        const key = String(name);
        if (!store.has(key)) store.set(key, []);
        return cacheOf(key);
      }),
    has: (name: unknown) => realm(() => store.has(String(name))),
    delete: (name: unknown) => realm(() => store.delete(String(name))),
    keys: () => realm(() => values.Array.from(store.keys())),
    match: (request: unknown, options?: QueryOptions) =>
      realm(async () => {
        for (const name of store.keys()) {
          const response = await cacheOf(name).match(request, options);
          if (response) return response;
        }
        return undefined;
      }),
  }, storagePrototype) as object);
}

/** The prototype of a Web IDL interface without a constructor, its interface object put in `interfaces`. */
function interfacePrototype(tag: string, interfaces: Record<string, unknown>): object {
  const constructor = { [tag]: function () { throw new TypeError('Illegal constructor'); } }[tag]!;
  const prototype = Object.create(Object.prototype, {
    constructor: { value: constructor, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: tag, configurable: true },
  }) as object;
  Object.defineProperty(constructor, 'prototype', { value: prototype });
  interfaces[tag] = constructor;
  return prototype;
}
