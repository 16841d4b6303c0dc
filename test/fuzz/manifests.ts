/**
 * Random manifests through browser.installExtension: valid ones (which must install), valid ones
 * with one key broken (which must fail with a ManifestError naming that key), and anything at all
 * (which installs or fails with a ManifestError, never another exception, a crash or a hang).
 * What installs then meets a tab at a random URL, and is uninstalled.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createBrowser, ManifestError, type Browser, type Manifest, type MessageCatalog } from '../../src/index.ts';
import { nearValidPattern } from './match-patterns.ts';
import { countCase, watchingHost, withDeadline } from './watch.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = Record<string, unknown>;

// ----- valid manifests -----

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
// (A host whose last label is a number is an IPv4 address to URL parsers, and an invalid one; a
// label with "--" in third and fourth place is punycode, "xn--a" an invalid one.)
const host = fc
  .oneof(
    fc.domain(),
    fc.tuple(fc.array(label, { maxLength: 2 }), fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/)).map(([labels, last]) => [...labels, last].join('.')),
  )
  .filter((name) => name.split('.').every((part) => part.slice(2, 4) !== '--'));
const path = fc.array(fc.stringMatching(/^[a-z0-9*._-]{0,6}$/), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);

/** Patterns every consumer accepts: http, https, "*" and file, as Chrome documents them. */
const validPattern = fc.oneof(
  fc.constant('<all_urls>'),
  fc
    .tuple(
      fc.constantFrom('http', 'https', '*'),
      fc.oneof(fc.constant('*'), host, host.map((h) => `*.${h}`)),
      fc.option(fc.oneof(fc.constant('*'), fc.integer({ min: 0, max: 65535 }).map(String))),
      path,
    )
    // The "*" scheme has no default port, so it takes no numeric one.
    .map(([scheme, h, port, p]) => `${scheme}://${h}${port === null || (scheme === '*' && port !== '*') ? '' : `:${port}`}${p}`),
  path.map((p) => `file://${p}`),
);

const validId = fc.stringMatching(/^[a-p]{32}$/);
const validVersion = fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const name = fc.tuple(fc.string({ maxLength: 10 }), fc.stringMatching(/^[A-Za-z]$/)).map(([text, letter]) => `${letter}${text}`);
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined });

const contentScript = fc
  .record({
    matches: fc.array(validPattern, { minLength: 1, maxLength: 3 }),
    exclude_matches: maybe(fc.array(validPattern, { maxLength: 2 })),
    include_globs: maybe(fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 })),
    exclude_globs: maybe(fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 })),
    files: fc.constantFrom({ js: ['cs.js'] }, { css: ['cs.css'] }, { js: ['cs.js', 'more.js'], css: ['cs.css'] }),
    all_frames: maybe(fc.boolean()),
    match_about_blank: maybe(fc.boolean()),
    run_at: maybe(fc.constantFrom('document_start', 'document_end', 'document_idle')),
    world: maybe(fc.constantFrom('ISOLATED', 'MAIN')),
  })
  .map(({ files, ...entry }) => withoutUndefined({ ...entry, ...files }));

const externallyConnectable = fc
  .record({
    ids: maybe(fc.array(fc.oneof(validId, fc.constant('*')), { maxLength: 3 })),
    matches: maybe(fc.array(validPattern, { maxLength: 3 })),
    accepts_tls_channel_id: maybe(fc.boolean()),
  })
  .map(withoutUndefined);

/** The keys Switchboard reads. */
const KNOWN_KEYS = ['manifest_version', 'name', 'version', 'background', 'permissions', 'content_scripts', 'externally_connectable', 'key', 'default_locale', 'description'];

/** Keys Chrome has and Switchboard keeps as written, and keys nobody has. */
const otherKeys = fc.dictionary(
  fc.oneof(
    fc.constantFrom('icons', 'action', 'options_page', 'host_permissions', 'minimum_chrome_version', 'web_accessible_resources'),
    fc.string({ maxLength: 8 }).filter((key) => !KNOWN_KEYS.includes(key)),
  ),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

const validManifest: fc.Arbitrary<Dict> = fc
  .record({
    name,
    version: validVersion,
    background: maybe(fc.record({ service_worker: fc.constant('sw.js'), type: maybe(fc.constantFrom('classic', 'module')) }).map(withoutUndefined)),
    permissions: maybe(fc.array(fc.constantFrom('storage', 'tabs', 'nativeMessaging', 'scripting', 'alarms', 'not-a-permission'), { maxLength: 3 })),
    content_scripts: maybe(fc.array(contentScript, { maxLength: 3 })),
    externally_connectable: maybe(externallyConnectable),
    other: otherKeys,
  })
  .map(({ other, ...known }) => ({ ...other, manifest_version: 3, ...withoutUndefined(known) }));

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

// ----- one key broken -----

/** Patterns no consumer accepts. */
const invalidPattern = fc.oneof(
  fc.constantFrom('http://example.com', 'example.com/*', 'http://*foo/*', 'http://foo.*/*', 'http:///*', 'https://a.test:99999/*', '<all_url>', 'ftp//x/*', 'http://:80/*', '*://a.test:8080/*'),
  fc.string({ maxLength: 12 }).filter((text) => !text.includes(':') && text !== '<all_urls>'),
);
/** Patterns content scripts refuse that externally_connectable takes: schemes outside theirs. */
const invalidContentPattern = fc.oneof(invalidPattern, fc.constantFrom('chrome://settings/*', 'chrome-extension://abc/*', 'data:*', 'about:blank'));
const invalidId = fc.oneof(fc.constantFrom('', 'a'.repeat(31), 'q'.repeat(32), `${'a'.repeat(32)} `, '**'), fc.string({ maxLength: 33 }).filter((id) => !/^[a-p]{32}$/i.test(id) && id !== '*'));
const notADictionary = fc.constantFrom<unknown>(1, 'x', [], [{}], true, null);
const notAList = fc.constantFrom<unknown>(1, 'x', {}, true, null);
const notABoolean = fc.constantFrom<unknown>(1, 'true', [], {}, null);
/** Versions every reading of Chrome's rule refuses (leading zeros and 65536 are left to the random property). */
const invalidVersion = fc.constantFrom<unknown>(undefined, '', '1.', '.1', '1..2', '1.2.3.4.5', 'a', ' 1', '1 ', '-1', '1.-2', '1e3', 1, null, ['1']);

/** A broken key: where it is, what to put there, and the key the ManifestError must name. */
interface Breakage {
  readonly key: string;
  break(manifest: Dict): void;
  [fc.toStringMethod](): string;
}

/** Sets (or with `undefined` deletes) a top-level key; the error must name `errorKey`. */
const set = (key: string, value: unknown, errorKey = key): Breakage => ({
  key: errorKey,
  break: (manifest) => {
    if (value === undefined) delete manifest[key];
    else manifest[key] = value;
  },
  [fc.toStringMethod]: () => `${key} = ${fc.stringify(value)}`,
});

/**
 * Breaks content_scripts entry `index % length` (adding `valid` if there is none): `change` gets a
 * copy of the entry, returns what it makes of it and the key below the entry that is now wrong.
 */
function breakEntry(valid: Dict, index: number, change: (entry: Dict) => { entry: unknown; key: string }): Breakage {
  let key = '';
  return {
    get key() {
      return key;
    },
    [fc.toStringMethod]: () => `content_scripts[${index}]: ${change.toString()}`,
    break: (manifest) => {
      const scripts = manifest.content_scripts;
      const list = Array.isArray(scripts) && scripts.length > 0 ? [...(scripts as Dict[])] : [valid];
      const at = index % list.length;
      const changed = change({ ...list[at] });
      key = `content_scripts[${at}]${changed.key}`;
      list[at] = changed.entry as Dict;
      manifest.content_scripts = list;
    },
  };
}

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.constantFrom<unknown>(undefined, 2, '3', 4, null, 3.5).map((value) => set('manifest_version', value)),
  fc.constantFrom<unknown>(undefined, '', '   ', 42, null, ['a'], {}).map((value) => set('name', value)),
  invalidVersion.map((value) => set('version', value)),
  notADictionary.map((value) => set('background', value)),
  fc.constantFrom<unknown>('', 1, null, ['sw.js'], {}).map((value) => set('background', { service_worker: value }, 'background.service_worker')),
  fc.constantFrom<unknown>('worker', 'Module', '', 1, null).map((value) => set('background', { service_worker: 'sw.js', type: value }, 'background.type')),
  fc.constantFrom<unknown>('storage', {}, [1], ['tabs', null], 1).map((value) => set('permissions', value)),
  notAList.map((value) => set('content_scripts', value)),
  // An entry that is no dictionary is named itself.
  fc.tuple(contentScript, fc.nat(), notADictionary).map(([valid, index, value]) => breakEntry(valid, index, () => ({ entry: value, key: '' }))),
  fc.tuple(contentScript, fc.nat(), fc.constantFrom<unknown>(undefined, [], 'https://a.test/*', {})).map(([valid, index, value]) =>
    breakEntry(valid, index, (entry) => {
      if (value === undefined) delete entry.matches;
      else entry.matches = value;
      return { entry, key: '.matches' };
    }),
  ),
  fc.tuple(contentScript, fc.nat(), fc.nat(), invalidContentPattern).map(([valid, index, at, pattern]) =>
    breakEntry(valid, index, (entry) => {
      const matches = [...(entry.matches as string[])];
      const where = at % (matches.length + 1);
      matches.splice(where, 0, pattern);
      entry.matches = matches;
      return { entry, key: `.matches[${where}]` };
    }),
  ),
  fc.tuple(contentScript, fc.nat(), invalidContentPattern).map(([valid, index, pattern]) =>
    breakEntry(valid, index, (entry) => {
      entry.exclude_matches = [pattern];
      return { entry, key: '.exclude_matches[0]' };
    }),
  ),
  fc.tuple(contentScript, fc.nat()).map(([valid, index]) =>
    breakEntry(valid, index, (entry) => {
      // Neither js nor css: the entry is named.
      delete entry.js;
      entry.css = [];
      return { entry, key: '' };
    }),
  ),
  fc
    .tuple(
      contentScript,
      fc.nat(),
      fc.oneof(
        notAList.map((value) => ['js', value] as const),
        notAList.map((value) => ['exclude_matches', value] as const),
        fc.constantFrom<unknown>([1], 'x', [null]).map((value) => ['include_globs', value] as const),
        notABoolean.map((value) => ['all_frames', value] as const),
        notABoolean.map((value) => ['match_about_blank', value] as const),
        fc.constantFrom<unknown>('document_later', 'DOCUMENT_IDLE', '', 1).map((value) => ['run_at', value] as const),
        fc.constantFrom<unknown>('OTHER', 'isolated', '', 1).map((value) => ['world', value] as const),
      ),
    )
    .map(([valid, index, [key, value]]) =>
      breakEntry(valid, index, (entry) => {
        entry[key] = value;
        return { entry, key: `.${key}` };
      }),
    ),
  notADictionary.map((value) => set('externally_connectable', value)),
  fc
    .tuple(fc.array(validId, { maxLength: 2 }), invalidId)
    .map(([ids, id]) => set('externally_connectable', { ids: [...ids, id] }, `externally_connectable.ids[${ids.length}]`)),
  fc
    .tuple(fc.array(validPattern, { maxLength: 2 }), invalidPattern)
    .map(([matches, pattern]) => set('externally_connectable', { matches: [...matches, pattern] }, `externally_connectable.matches[${matches.length}]`)),
  fc
    .oneof(
      notAList.map((value) => ['ids', value] as const),
      notAList.map((value) => ['matches', value] as const),
      notABoolean.map((value) => ['accepts_tls_channel_id', value] as const),
    )
    .map(([key, value]) => set('externally_connectable', { [key]: value }, `externally_connectable.${key}`)),
);

// ----- anything at all -----

/** Any JSON value, often of the shape a key expects, often not. */
const { anyValue } = fc.letrec<{ anyValue: Json }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    validPattern,
    nearValidPattern,
    validVersion,
    fc.constantFrom<Json>(3, 2, '', 'sw.js', 'classic', 'module', '*', 'document_idle', 'MAIN', true, false, null, 1.5, -0),
    validId,
    fc.array(tie('anyValue'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('service_worker', 'type', 'matches', 'exclude_matches', 'js', 'css', 'ids', 'all_frames', 'run_at', 'world', 'match_origin_as_fallback', 'match_about_blank', 'include_globs', 'accepts_tls_channel_id'), fc.string({ maxLength: 6 })),
      tie('anyValue'),
      { maxKeys: 5 },
    ),
  ),
}));

const anyManifest: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 10 }), weight: 6 },
  // Near-valid: a valid manifest with random keys overwritten.
  { arbitrary: fc.tuple(validManifest, fc.dictionary(fc.constantFrom(...KNOWN_KEYS), anyValue, { maxKeys: 3 })).map(([valid, changes]) => ({ ...valid, ...changes })), weight: 6 },
  { arbitrary: fc.constantFrom<unknown>(null, [], 'manifest', 3), weight: 1 },
);

/** A default locale's messages, for the manifest's __MSG_name__ (placeholders without "$" in their content). */
const messages = maybe(
  fc.dictionary(
    fc.oneof(fc.constantFrom('name', 'description', 'NAME'), fc.stringMatching(/^[A-Za-z0-9_@]{1,6}$/), fc.string({ maxLength: 4 })),
    fc.oneof(
      fc.record({ message: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('$p$', '$P$ x', '$$', '$missing$', '__MSG_name__')) }, { requiredKeys: [] }),
      fc.record({ message: fc.constant('$p$'), placeholders: fc.constantFrom<Json>({ p: { content: 'x' } }, { p: {} }, { P: { content: 'y' } }, []) }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    { maxKeys: 3 },
  ),
);

// ----- the properties -----

/** A browser to install into, replaced now and then; every install is uninstalled after its case. */
class BrowserPool {
  #browser: Browser | undefined;
  #used = 0;

  get(): Browser {
    if (!this.#browser || this.#used++ >= 500) {
      this.#browser?.close();
      this.#browser = createBrowser({ clock: 'manual' });
      this.#used = 1;
    }
    return this.#browser;
  }

  close(): void {
    this.#browser?.close();
    this.#browser = undefined;
  }
}

const SCRIPTS = { 'sw.js': () => undefined, 'cs.js': () => undefined, 'more.js': () => undefined };

type Installed = { readonly ok: true } | { readonly ok: false; readonly error: ManifestError };

/**
 * Installs the manifest: it installs (then a tab at `url` opens and closes, the browser goes quiet,
 * and it uninstalls), or it fails with a ManifestError. Anything else fails the case.
 */
async function install(browser: Browser, manifest: unknown, url: string, catalog?: unknown): Promise<Installed> {
  let extension;
  try {
    extension = browser.installExtension({ manifest: manifest as Manifest, scripts: SCRIPTS, ...(catalog !== undefined && { messages: catalog as MessageCatalog }) });
  } catch (error) {
    if (error instanceof ManifestError) {
      assert.ok(typeof error.message === 'string' && error.message !== '', 'a ManifestError says what is wrong');
      return { ok: false, error };
    }
    throw error;
  }
  try {
    assert.ok(extension.warnings.every((warning) => typeof warning === 'string'));
    const tab = browser.openTab({ url, frames: [url] });
    await withDeadline(browser.idle(), 20_000, 'the browser going quiet after an install');
    tab.close();
  } finally {
    extension.uninstall();
  }
  return { ok: true };
}

const pageUrl = fc.oneof(fc.webUrl(), fc.constantFrom('file:///tmp/x.html', 'about:blank', 'data:text/html,x', 'https://a.test/', 'http://localhost:8080/p?q'));

/** What a manifest must have (the whole manifest is named by the key ""). */
const REQUIRED_KEYS = ['manifest_version', 'name', 'version'];

/** The top-level manifest key an error's key names ("content_scripts[0].matches[1]" → "content_scripts"). */
const topKey = (key: string): string => /^[^.[]*/.exec(key)![0];

export interface ManifestFuzzOptions {
  readonly seed?: number;
}

/** `runs` manifests: a third valid, a third with one key broken, a third anything at all. */
export async function fuzzManifests(runs: number, options: ManifestFuzzOptions = {}): Promise<void> {
  const seed = options.seed !== undefined ? { seed: options.seed } : {};
  const third = Math.max(1, Math.floor(runs / 3));
  const browsers = new BrowserPool();
  try {
    await watchingHost(async (checkHost) => {
      await fc.assert(
        fc.asyncProperty(validManifest, pageUrl, async (manifest, url) => {
          const installed = await install(browsers.get(), manifest, url);
          if (!installed.ok) assert.fail(`a valid manifest was refused: ${installed.error.key}: ${installed.error.message}`);
          checkHost();
          countCase('manifests');
        }),
        { numRuns: third, ...seed },
      );

      await fc.assert(
        fc.asyncProperty(validManifest, breakage, pageUrl, async (manifest, broken, url) => {
          const copy = structuredClone(manifest);
          broken.break(copy);
          const installed = await install(browsers.get(), copy, url);
          if (installed.ok) assert.fail(`installed with ${broken.key} broken`);
          assert.equal(installed.error.key, broken.key, `the error names the broken key (${installed.error.message})`);
          checkHost();
          countCase('manifests');
        }),
        { numRuns: third, ...seed },
      );

      await fc.assert(
        fc.asyncProperty(anyManifest, messages, pageUrl, async (manifest, catalog, url) => {
          const installed = await install(browsers.get(), manifest, url, catalog);
          if (!installed.ok) {
            const key = topKey(installed.error.key);
            const keys = typeof manifest === 'object' && manifest !== null ? Object.keys(manifest) : [];
            const named = key === '' || REQUIRED_KEYS.includes(key) || keys.includes(key) || (key === 'default_locale' && catalog !== undefined);
            assert.ok(named, `the error names the manifest, a required key or a key the manifest has: ${installed.error.key}`);
          }
          checkHost();
          countCase('manifests');
        }),
        { numRuns: Math.max(1, runs - 2 * third), ...seed },
      );
    });
  } finally {
    browsers.close();
  }
}
