/**
 * A worker's Fetch API: `fetch`, `Request`, `Response`, `Headers`, `Blob`, `File`, `FormData`.
 *
 * The classes are Node's own (undici's), subclassed per realm so that everything that settles
 * later does so in the realm: promises are the realm's (an unhandled rejection is the worker's,
 * never the host process's), `json()` parses with the realm's JSON (its objects and arrays are the
 * realm's), and a Blob or Response the host makes is given the realm-facing prototype, so
 * `response instanceof Response` holds in the realm. Other host-made values (ArrayBuffers,
 * Headers, ReadableStreams) work in the realm but fail its `instanceof` checks.
 *
 * What `fetch` reaches, as Chromium 156 answers an extension's service worker: the extension's own
 * files (chrome-extension://<id>/…, with Chrome's Content-Type), pages of the sites the engine
 * serves (http(s), when the manifest's host_permissions grant the origin; without them only a
 * `no-cors` fetch succeeds, with an opaque response) and data: URLs. Anything else is a network
 * error: a TypeError (FETCH_FAILED). A site URL the engine has no page for is a network error
 * too (the engine cannot tell a missing page from a missing site).
 */
import { readFileSync, statSync } from 'node:fs';
import type { ScriptContext } from '../core/context.ts';
import { FETCH_FAILED, fetchUrlInvalid } from '../core/errors.ts';
import { MatchPattern, SCHEME_ALL } from '../core/manifest/match-pattern.ts';
import type { ContextRealm } from './context-realm.ts';
import { domOf } from './dom.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { fileIn, filePathOf } from './folder-files.ts';

/** What the realm's promises and parsed values are made of. */
export interface RealmValues {
  readonly Promise: PromiseConstructor;
  readonly JSON: JSON;
  readonly TypeError: TypeErrorConstructor;
  readonly Array: ArrayConstructor;
  /** A host promise as a promise of the realm, settled alike. */
  adopt<T>(promise: Promise<T>): Promise<T>;
  /** What the realm holds of a host object (adopt's results), as the host uses it. */
  unwrap<T>(value: T): T;
}

export function realmValuesOf(realm: ContextRealm): RealmValues {
  const RealmPromise = realm.global.Promise as PromiseConstructor;
  return {
    Promise: RealmPromise,
    JSON: realm.global.JSON as JSON,
    TypeError: realm.global.TypeError as TypeErrorConstructor,
    Array: realm.global.Array as ArrayConstructor,
    // What the host's promise settles with reaches the realm through its membrane.
    adopt: <T>(promise: Promise<T>) =>
      new RealmPromise<T>((resolve, reject) => promise.then((value) => resolve(realm.membrane.toRealm(value)), (error: unknown) => reject(realm.membrane.toRealm(error)))),
    unwrap: realm.membrane.toHost,
  };
}

/** The response fields a Response made by `new Response()` cannot carry: a fetched one's URL and type. */
interface ResponseFacts {
  readonly url: string;
  readonly type: ResponseType;
  readonly opaque?: boolean;
}

/** The realm-facing Fetch API classes and `fetch` of one worker. */
export interface WorkerFetch {
  readonly Blob: typeof Blob;
  readonly File: typeof File;
  readonly Request: typeof Request;
  readonly Response: typeof Response;
  readonly Headers: typeof Headers;
  readonly FormData: typeof FormData;
  readonly fetch: (input: unknown, init?: RequestInit) => Promise<Response>;
  /** A Response made on the host, given the realm's prototype and, optionally, a fetched response's URL and type. */
  adoptResponse(response: Response, facts?: ResponseFacts): Response;
}

/** Content-Type of an extension's file by its extension, as Chrome's net::GetWellKnownMimeTypeFromExtension names it. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  js: 'text/javascript',
  mjs: 'text/javascript',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  txt: 'text/plain',
  xml: 'text/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/vnd.microsoft.icon',
  wasm: 'application/wasm',
  woff: 'font/woff',
  woff2: 'font/woff2',
};

/** The MIME type Chrome gives an extension's file by its name, if it knows one. */
export function mimeTypeOf(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MIME_TYPES[extension];
}

/** Wraps the promise-returning methods `names` of `prototype`'s parent so that they settle in the realm. */
function adoptMethods(prototype: object, names: readonly string[], values: RealmValues, adoptResult: (value: unknown) => unknown = (value) => value): void {
  const parent = Object.getPrototypeOf(prototype) as Record<string, unknown>;
  for (const name of names) {
    const original = parent[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(prototype, name, {
      configurable: true,
      writable: true,
      value: { [name](this: object, ...args: unknown[]) {
        return values.adopt(Promise.resolve(Reflect.apply(original, this, args) as unknown).then(adoptResult));
      } }[name],
    });
  }
}

function named<T extends object>(constructor: T, name: string): T {
  Object.defineProperty(constructor, 'name', { value: name });
  return constructor;
}

/** The Fetch API of the worker `context` (files: its extension's), for `realm`. */
export function createWorkerFetch(realm: ContextRealm, context: ScriptContext, files: ExtensionFiles): WorkerFetch {
  const values = realmValuesOf(realm);
  const base = context.url;
  const facts = new WeakMap<object, ResponseFacts>();

  class WorkerBlob extends Blob {
    override slice(...args: Parameters<Blob['slice']>): Blob {
      return Object.setPrototypeOf(super.slice(...args), WorkerBlob.prototype) as Blob;
    }
  }
  class WorkerFile extends File {}
  for (const prototype of [WorkerBlob.prototype, WorkerFile.prototype]) adoptMethods(prototype, ['text', 'arrayBuffer', 'bytes'], values);
  const adoptBlob = (blob: unknown) => (blob instanceof Blob ? Object.setPrototypeOf(blob, WorkerBlob.prototype) : blob) as unknown;

  const bodyMethods = (prototype: object) => {
    const text = (Object.getPrototypeOf(prototype) as { text(this: object): Promise<string> }).text;
    adoptMethods(prototype, ['text', 'arrayBuffer', 'bytes', 'formData'], values);
    adoptMethods(prototype, ['blob'], values, adoptBlob);
    // The realm's JSON: the parsed objects are the realm's own.
    Object.defineProperty(prototype, 'json', {
      configurable: true,
      writable: true,
      value: function json(this: object) {
        return values.adopt(text.call(this).then((body) => values.JSON.parse(body) as unknown));
      },
    });
  };

  class WorkerRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' || input instanceof URL ? new URL(String(input), base).href : input, init);
    }

    override clone(): Request {
      return Object.setPrototypeOf(super.clone(), WorkerRequest.prototype) as Request;
    }
  }
  bodyMethods(WorkerRequest.prototype);

  class WorkerResponse extends Response {
    static override json(data: unknown, init?: ResponseInit): Response {
      return adoptResponse(Response.json(data, init));
    }

    static override error(): Response {
      return adoptResponse(Response.error());
    }

    static override redirect(url: string | URL, status?: number): Response {
      return adoptResponse(Response.redirect(new URL(String(url), base), status));
    }

    override get url(): string {
      return facts.get(this)?.url ?? super.url;
    }

    override get type(): ResponseType {
      return facts.get(this)?.type ?? super.type;
    }

    override get status(): number {
      return facts.get(this)?.opaque ? 0 : super.status;
    }

    override get ok(): boolean {
      return facts.get(this)?.opaque ? false : super.ok;
    }

    override get statusText(): string {
      return facts.get(this)?.opaque ? '' : super.statusText;
    }

    override clone(): Response {
      return adoptResponse(super.clone(), facts.get(this));
    }
  }
  bodyMethods(WorkerResponse.prototype);

  function adoptResponse(response: Response, responseFacts?: ResponseFacts): Response {
    Object.setPrototypeOf(response, WorkerResponse.prototype);
    if (responseFacts) facts.set(response, responseFacts);
    return response;
  }

  const grants = (manifestHostPermissions(context)).map((text) => MatchPattern.tryParse(text, SCHEME_ALL)).filter((pattern) => pattern instanceof MatchPattern);
  const networkError = () => new values.TypeError(FETCH_FAILED);

  async function respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    url.hash = '';
    if (url.protocol === 'data:') return adoptResponse(await fetch(request));
    if (url.protocol === 'chrome-extension:') {
      const bytes = url.host === files.extensionId ? readBytes(files.root, filePathOf(url)) : undefined;
      if (bytes === undefined) throw networkError();
      const type = mimeTypeOf(url.pathname);
      return adoptResponse(new Response(bytes, { status: 200, statusText: 'OK', headers: type ? { 'content-type': type } : {} }), { url: url.href, type: 'basic' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw networkError();
    const page = domOf(context.browser)?.resolve(url.href);
    if (page === undefined) throw networkError();
    if (!grants.some((pattern) => pattern.matches(url))) {
      if (request.mode !== 'no-cors') throw networkError();
      return adoptResponse(new Response(null, { status: 200 }), { url: '', type: 'opaque', opaque: true });
    }
    const type = mimeTypeOf(url.pathname);
    return adoptResponse(new Response(page, { status: 200, statusText: 'OK', headers: type ? { 'content-type': type } : {} }), { url: url.href, type: 'basic' });
  }

  const workerFetch = (input: unknown, init?: RequestInit): Promise<Response> => {
    let request: Request;
    try {
      if (typeof input !== 'object' || input === null || input instanceof URL) {
        const text = String(input);
        if (!URL.canParse(text, base)) throw new values.TypeError(fetchUrlInvalid(text));
        request = new WorkerRequest(new URL(text, base).href, init);
      } else {
        request = new WorkerRequest(input as Request, init);
      }
    } catch (error) {
      return values.Promise.reject(error) as Promise<Response>;
    }
    return values.adopt(respond(request));
  };

  return {
    Blob: named(WorkerBlob, 'Blob'),
    File: named(WorkerFile, 'File'),
    Request: named(WorkerRequest, 'Request'),
    Response: named(WorkerResponse, 'Response'),
    Headers,
    FormData,
    fetch: named(workerFetch, 'fetch'),
    adoptResponse,
  };
}

/** The manifest's host_permissions, as written (invalid entries are Chrome's to warn about, not to grant). */
function manifestHostPermissions(context: ScriptContext): string[] {
  const hosts = (context.extension?.manifest as { host_permissions?: unknown } | undefined)?.host_permissions;
  return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
}

/** The bytes of a file of the extension, never outside its folder; undefined when there is none. */
function readBytes(root: string, path: string): Uint8Array<ArrayBuffer> | undefined {
  const file = fileIn(root, path);
  if (file === undefined) return undefined;
  try {
    return statSync(file).isFile() ? Uint8Array.from(readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}
