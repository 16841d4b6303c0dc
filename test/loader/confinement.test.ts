/**
 * What a context's code can load: its own extension's files (its own site's, for a web page),
 * never Node's modules, never a file outside the extension's folder, whatever a symlink or a `..`
 * says. Runs in both modes of node:vm: with --experimental-vm-modules (npm run test:unit), and
 * again in a child Node without it (as Vitest and `node --test` run), where import() in a classic
 * script is rewritten to the realm's own importer and a realm compiles no strings (the last tests).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import type { ScriptContext } from '../../src/index.ts';
import {
  DYNAMIC_IMPORT_IN_SERVICE_WORKER,
  FETCH_FAILED,
  LOCALES_NO_DEFAULT_LOCALE,
  RESOURCE_NOT_FOUND,
  contentScriptJsMissing,
  dynamicImportFetchFailed,
  dynamicImportUnresolved,
  importScriptsFailed,
  moduleFetchFailed,
} from '../../src/core/errors.ts';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { callInRealm, importModuleDynamicallyInContext, importModuleDynamicallyOf, vmModulesAvailable } from '../../src/loader/module-graph.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

const VM_MODULES = vmModulesAvailable();
/** Without --experimental-vm-modules, node:vm never asks the realm how to import() from a classic script. */
/** Without vm modules, a realm compiles no strings (eval and Function throw EvalError: context-realm.ts). */
const EVAL_SKIP = VM_MODULES ? false : 'without --experimental-vm-modules a realm compiles no strings';

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of the confinement fixture in a temporary folder, next to a file outside it (secret.js,
 * which sets `globalThis.secret` when it runs) that the copy's symlinks point at:
 * lib/outside.js → ../../secret.js, lib/outside-dir → the folder above the extension, and
 * lib/alias.js → lib/classic.js (a symlink that stays inside). `files` replaces or adds files.
 */
function extensionCopy(files: Record<string, string> = {}): string {
  const base = mkdtempSync(join(tmpdir(), 'switchboard-confinement-'));
  temporary.push(base);
  writeFileSync(join(base, 'secret.js'), 'globalThis.secret = "read from outside the extension";\n');
  const dir = join(base, 'extension');
  cpSync(fixtureDir('confinement'), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  symlinkSync(join(base, 'secret.js'), join(dir, 'lib', 'outside.js'));
  symlinkSync(base, join(dir, 'lib', 'outside-dir'));
  symlinkSync(join(dir, 'lib', 'classic.js'), join(dir, 'lib', 'alias.js'));
  return dir;
}

/** Runs `code` as a classic script of the context (at `url`, its script's URL by default), and awaits what it returns. */
async function run(context: ScriptContext | undefined, code: string, url?: string): Promise<unknown> {
  assert.ok(context, 'no such context');
  const realm = realmOfContext(context);
  assert.ok(realm, `no realm for ${context.toString()}`);
  return await (realm.evaluate(code, url ?? context.url) as Promise<unknown>);
}

/**
 * What `import(specifier)` does in the context, as text: "loaded <keys>", or the rejection as
 * "TypeError: <message>" when it is a TypeError of the context's own realm.
 */
function importOutcome(context: ScriptContext | undefined, specifier: string, url?: string): Promise<unknown> {
  return run(
    context,
    `import(${JSON.stringify(specifier)}).then(
      (namespace) => 'loaded ' + Object.keys(namespace).join(),
      (error) => (error instanceof TypeError ? 'TypeError: ' : 'not a TypeError of this realm: ') + error.message)`,
    url,
  );
}

/** Every context kind of one extension copy, and a web page. */
async function contexts(files: Record<string, string> = {}) {
  const pages = { 'https://example.com/': '<p>page</p>', 'https://example.com/site.js': 'export const site = "own site";' };
  const fixture = loaderFixture(pages);
  const extension = loadUnpacked(fixture.browser, extensionCopy(files));
  const tab = fixture.browser.openTab('https://example.com/');
  const page = extension.openPage('pages/page.html');
  await settle(fixture.browser);
  return {
    ...fixture,
    extension,
    worker: extension.serviceWorker!,
    contentScript: tab.mainFrame.contentScript(extension)!,
    webPage: tab.mainFrame.document.mainWorld,
    extensionPage: page.mainFrame.document.mainWorld,
  };
}

const MODULE_WORKER = {
  'manifest.json': JSON.stringify({ manifest_version: 3, name: 'Module worker', version: '1.0', background: { service_worker: 'sw.js', type: 'module' } }),
  'sw.js': `const outcome = (specifier) => import(specifier).then(
    () => 'loaded',
    (error) => (error instanceof TypeError ? 'TypeError: ' : 'not a TypeError of this realm: ') + error.message);
  globalThis.imports = Promise.all(['node:fs', 'fs', './lib/module.js'].map(outcome));`,
};

describe('confinement: import() never reaches Node\'s modules', () => {
  it('import("node:fs") and import("fs") are refused in a classic service worker with Chrome\'s TypeError of its realm', async () => {
    const { worker } = await contexts();
    for (const specifier of ['node:fs', 'fs', 'chrome-extension://x/lib/module.js']) {
      assert.equal(await importOutcome(worker, specifier), `TypeError: ${DYNAMIC_IMPORT_IN_SERVICE_WORKER}`);
    }
  });

  it('import() is refused in a module service worker with Chrome\'s TypeError of its realm, for any specifier', async () => {
    const { worker } = await contexts(MODULE_WORKER);
    const outcomes = await run(worker, 'globalThis.imports.then((list) => JSON.stringify(list))');
    assert.deepEqual(JSON.parse(outcomes as string), Array(3).fill(`TypeError: ${DYNAMIC_IMPORT_IN_SERVICE_WORKER}`));
  });

  it('import("node:fs") fails to fetch and import("fs") fails to resolve in an extension page\'s classic script', async () => {
    const { extensionPage } = await contexts();
    const script = `chrome-extension://${extensionPage.extension!.id}/pages/page.js`;
    assert.equal(await importOutcome(extensionPage, 'node:fs', script), `TypeError: ${dynamicImportFetchFailed('node:fs')}`);
    assert.equal(await importOutcome(extensionPage, 'fs', script), `TypeError: ${dynamicImportUnresolved('fs')}`);
    assert.equal(await importOutcome(extensionPage, 'file:///etc/hostname', script), `TypeError: ${dynamicImportFetchFailed('file:///etc/hostname')}`);
  });

  it('import("node:fs") fails to fetch and import("fs") fails to resolve in an extension page\'s module script', async () => {
    const { extensionPage } = await contexts();
    const outcomes = JSON.parse((await run(extensionPage, 'globalThis.moduleImports.then((list) => JSON.stringify(list))')) as string) as string[];
    assert.deepEqual(outcomes.slice(2, 4), [`TypeError: ${dynamicImportFetchFailed('node:fs')}`, `TypeError: ${dynamicImportUnresolved('fs')}`]);
  });

  it('import("node:fs") fails to fetch and import("fs") fails to resolve in a content script', async () => {
    const { contentScript, extension } = await contexts();
    const script = `chrome-extension://${extension.id}/cs.js`;
    assert.equal(await importOutcome(contentScript, 'node:fs', script), `TypeError: ${dynamicImportFetchFailed('node:fs')}`);
    assert.equal(await importOutcome(contentScript, 'fs', script), `TypeError: ${dynamicImportUnresolved('fs')}`);
  });

  it('import("node:fs") fails to fetch and import("fs") fails to resolve in a web page', async () => {
    const { webPage } = await contexts();
    assert.equal(await importOutcome(webPage, 'node:fs'), `TypeError: ${dynamicImportFetchFailed('node:fs')}`);
    assert.equal(await importOutcome(webPage, 'fs'), `TypeError: ${dynamicImportUnresolved('fs')}`);
  });

  it('code that eval and Function compile in a realm imports as the realm does', { skip: EVAL_SKIP }, async () => {
    const { contentScript } = await contexts();
    const outcome = await run(
      contentScript,
      `Promise.all([eval('import("node:fs")'), Function('return import("fs")')()].map((pending) => pending.then(() => 'loaded', (error) => error.message)))
        .then((list) => JSON.stringify(list))`,
    );
    assert.deepEqual(JSON.parse(outcome as string), [dynamicImportFetchFailed('node:fs'), dynamicImportUnresolved('fs')]);
  });

  it('a realm\'s eval called by host code through callInRealm imports as the realm does, not as the host module', { skip: EVAL_SKIP }, async () => {
    const { contentScript } = await contexts();
    const realm = realmOfContext(contentScript)!;
    const pending = callInRealm(realm.vmContext, realm.global.eval, undefined, ['import("node:fs")']) as Promise<unknown>;
    const outcome = await pending.then(
      () => 'loaded',
      (error: Error) => `${error instanceof (realm.global.TypeError as TypeErrorConstructor)} ${error.message}`,
    );
    assert.equal(outcome, `true ${dynamicImportFetchFailed('node:fs')}`);
  });

  it('import() in code eval compiled with no script on the stack resolves in the realm, given importModuleDynamicallyInContext', { skip: EVAL_SKIP }, async () => {
    const { contentScript } = await contexts();
    // A realm like the content script's, on a vm context made with the option (as createRealmContext should make them).
    const vmContext = vm.createContext(Object.create(null) as object, { importModuleDynamically: importModuleDynamicallyInContext });
    const base = realmOfContext(contentScript)!;
    const realm = { ...base, vmContext, global: vm.runInContext('globalThis', vmContext) as typeof base.global };
    importModuleDynamicallyOf(realm, contentScript.url);
    const outcome = await (vm.runInContext(
      `Promise.resolve('import("node:fs")').then(eval).then(() => 'loaded', (error) => (error instanceof TypeError) + ' ' + error.message)`,
      vmContext,
    ) as Promise<unknown>);
    assert.equal(outcome, `true ${dynamicImportFetchFailed('node:fs')}`);
  });

  it('a realm\'s eval handed to host code (a timer, a chrome.* listener) never compiles with Node\'s import()', { skip: EVAL_SKIP }, async () => {
    const { worker, contentScript, webPage, extensionPage, browser } = await contexts();
    const probe = 'globalThis.viaHost = import("node:fs").then(() => "loaded", (error) => error.message)';
    for (const context of [worker, contentScript, webPage, extensionPage]) await run(context, `setTimeout(eval, 0, ${JSON.stringify(probe)})`);
    await run(worker, 'chrome.runtime.onMessage.addListener(eval)');
    await run(extensionPage, `chrome.runtime.sendMessage(${JSON.stringify(probe.replace('viaHost', 'viaListener'))})`);
    await settle(browser);
    const outcomes: unknown[] = [];
    for (const context of [worker, contentScript, webPage, extensionPage]) outcomes.push(await run(context, 'viaHost'));
    outcomes.push(await run(worker, 'viaListener'));
    assert.ok(!outcomes.includes('loaded'), JSON.stringify(outcomes));
  });

  it('import() in code eval compiles in a promise job (no script on the stack) rejects with Chrome\'s TypeError of the realm', {
    skip: EVAL_SKIP,
  }, async () => {
    const { worker, contentScript, webPage, extensionPage } = await contexts();
    const probe = `Promise.resolve('import("node:fs")').then(eval).then(
      () => 'loaded', (error) => (error instanceof TypeError ? 'TypeError: ' : 'not a TypeError of this realm: ') + error.message)`;
    const outcomes: unknown[] = [];
    for (const context of [worker, contentScript, webPage, extensionPage]) outcomes.push(await run(context, probe));
    const fetchFailed = `TypeError: ${dynamicImportFetchFailed('node:fs')}`;
    assert.deepEqual(outcomes, [`TypeError: ${DYNAMIC_IMPORT_IN_SERVICE_WORKER}`, fetchFailed, fetchFailed, fetchFailed]);
  });

  it('require, module, exports and process are undefined in every context kind, in scripts and modules', async () => {
    const probe = '[typeof require, typeof module, typeof exports, typeof process].join()';
    const { worker, contentScript, webPage, extensionPage } = await contexts();
    for (const context of [worker, contentScript, webPage, extensionPage]) {
      assert.equal(await run(context, probe), 'undefined,undefined,undefined,undefined', context.toString());
    }
    const { worker: moduleWorker } = await contexts({ ...MODULE_WORKER, 'sw.js': `globalThis.seen = ${probe};` });
    assert.equal(await run(moduleWorker, 'globalThis.seen'), 'undefined,undefined,undefined,undefined');
  });
});

describe('confinement: an extension\'s files are the files inside its folder', () => {
  it('importScripts of a symlink pointing outside the extension fails as a missing file', async () => {
    const { worker, extension } = await contexts();
    for (const path of ['lib/outside.js', 'lib/outside-dir/secret.js']) {
      const thrown = await run(worker, `try { importScripts(${JSON.stringify(path)}); 'ran' } catch (error) { error.name + ': ' + error.message }`);
      assert.equal(thrown, `NetworkError: ${importScriptsFailed(`chrome-extension://${extension.id}/${path}`)}`);
    }
    assert.equal(await run(worker, 'typeof secret'), 'undefined');
  });

  it('runtime.getPackageDirectoryEntry lists and reads only what is inside the folder: a symlink pointing out is not listed, and reads as missing', async () => {
    const { extensionPage } = await contexts();
    const outcome = await run(
      extensionPage,
      `new Promise((resolve) => chrome.runtime.getPackageDirectoryEntry((root) => {
        root.getDirectory('lib', {}, (lib) => lib.createReader().readEntries((entries) => {
          const names = entries.map((entry) => entry.name).sort();
          const tries = ['lib/outside.js', 'lib/outside-dir/secret.js', '../secret.js', '/crxfs/../secret.js'].map((path) => new Promise((done) =>
            root.getFile(path, {}, () => done(path + ': read'), (error) => done(path + ': ' + error.name))));
          Promise.all(tries).then((read) => resolve(JSON.stringify({ names, read })));
        }));
      }))`,
    );
    assert.deepEqual(JSON.parse(outcome as string), {
      names: ['alias.js', 'broken.js', 'classic.js', 'module.js'],
      read: ['lib/outside.js: NotFoundError', 'lib/outside-dir/secret.js: NotFoundError', '../secret.js: NotFoundError', '/crxfs/../secret.js: NotFoundError'],
    });
  });

  it('a symlink that stays inside the extension is followed', async () => {
    const { worker } = await contexts();
    assert.equal(await run(worker, 'importScripts("lib/alias.js", "lib/classic.js"); classicRuns'), 2);
  });

  it('".." and its percent-encoded forms in an extension URL never leave the extension\'s folder', async () => {
    const { worker, extension } = await contexts();
    for (const path of ['../secret.js', '%2e%2e/secret.js', '..%2fsecret.js', 'lib/..%2f..%2fsecret.js']) {
      const url = new URL(path, `chrome-extension://${extension.id}/`).href;
      const thrown = await run(worker, `try { importScripts(${JSON.stringify(url)}); 'ran' } catch (error) { error.message }`);
      assert.equal(thrown, importScriptsFailed(url), path);
      const fetched = await run(worker, `fetch(${JSON.stringify(url)}).then(() => 'fetched', (error) => error.message)`);
      assert.equal(fetched, FETCH_FAILED, path);
    }
    assert.equal(await run(worker, 'typeof secret'), 'undefined');
  });

  it('a module import of a symlink pointing outside the extension fails as a missing file, and the graph does not run', async () => {
    const { worker, extension, consoleOf } = await contexts({
      ...MODULE_WORKER,
      'sw.js': 'import "./lib/outside.js";\nglobalThis.graphRan = true;\n',
    });
    assert.equal(await run(worker, '[typeof secret, typeof graphRan].join()'), 'undefined,undefined');
    assert.deepEqual(consoleOf(worker), [`error: ${RESOURCE_NOT_FOUND}`, `error: Uncaught TypeError: ${moduleFetchFailed(`chrome-extension://${extension.id}/lib/outside.js`)}`]);
  });

  it('a dynamic import of a symlink pointing outside the extension fails as a missing file', async () => {
    const { extensionPage, extension } = await contexts();
    const outcomes = JSON.parse((await run(extensionPage, 'globalThis.moduleImports.then((list) => JSON.stringify(list))')) as string) as string[];
    assert.equal(outcomes[1], `TypeError: ${dynamicImportFetchFailed(`chrome-extension://${extension.id}/lib/outside.js`)}`);
    assert.equal(await run(extensionPage, 'typeof secret'), 'undefined');
  });

  it('fetch of a symlink pointing outside the extension fails as a missing file', async () => {
    const { worker } = await contexts();
    const fetched = await run(worker, 'fetch(chrome.runtime.getURL("lib/outside.js")).then(() => "fetched", (error) => error.message)');
    assert.equal(fetched, FETCH_FAILED);
  });

  it('a content script file that is a symlink pointing outside the extension is missing: the extension does not load', () => {
    const dir = extensionCopy();
    rmSync(join(dir, 'cs.js'));
    symlinkSync(join(dir, '..', 'secret.js'), join(dir, 'cs.js'));
    const { browser } = loaderFixture();
    assert.throws(() => loadUnpacked(browser, dir), (error: Error) => error.message.startsWith(contentScriptJsMissing('cs.js')));
  });

  it('a default_locale that climbs out of _locales names no catalog', () => {
    const dir = extensionCopy({
      'manifest.json': JSON.stringify({ manifest_version: 3, name: '__MSG_name__', version: '1.0', default_locale: '../../catalog' }),
    });
    mkdirSync(join(dir, '_locales', 'en'), { recursive: true });
    writeFileSync(join(dir, '_locales', 'en', 'messages.json'), '{ "name": { "message": "inside" } }');
    // A catalog outside the extension, where "_locales/../../catalog" leads.
    mkdirSync(join(dir, '..', 'catalog'));
    writeFileSync(join(dir, '..', 'catalog', 'messages.json'), '{ "name": { "message": "read from outside the extension" } }');
    const { browser } = loaderFixture();
    assert.throws(() => loadUnpacked(browser, dir), (error: Error) => error.message.startsWith(LOCALES_NO_DEFAULT_LOCALE));
  });
});

describe('confinement: import() of the context\'s own files works where Chrome allows it', () => {
  it('an extension page\'s module imports its own modules dynamically, into one module map', async () => {
    const { extensionPage } = await contexts();
    const outcomes = JSON.parse((await run(extensionPage, 'globalThis.moduleImports.then((list) => JSON.stringify(list))')) as string) as string[];
    assert.equal(outcomes[0], 'loaded own module');
    // Without the flag, each import() gives a namespace object of its own (module-functions.ts).
    assert.equal(outcomes[4], `runs: 1, same namespace: ${VM_MODULES}`);
  });

  it('an extension page\'s classic script imports its own modules dynamically', async () => {
    const { extensionPage, extension } = await contexts();
    const script = `chrome-extension://${extension.id}/pages/page.js`;
    assert.equal(await importOutcome(extensionPage, '../lib/module.js', script), 'loaded default,value');
    assert.equal(await run(extensionPage, 'moduleRuns'), 1, 'the module page-module.js imported is the same one');
    assert.equal(await importOutcome(extensionPage, '/lib/missing.js', script), `TypeError: ${dynamicImportFetchFailed(`chrome-extension://${extension.id}/lib/missing.js`)}`);
  });

  it('an import() whose graph misses a file fails as a fetch that failed, each time it is tried', async () => {
    const { extensionPage, extension, consoleOf } = await contexts();
    const script = `chrome-extension://${extension.id}/pages/page.js`;
    const failed = `TypeError: ${dynamicImportFetchFailed(`chrome-extension://${extension.id}/lib/broken.js`)}`;
    const before = consoleOf(extensionPage).length;
    assert.equal(await importOutcome(extensionPage, '../lib/broken.js', script), failed);
    assert.equal(await importOutcome(extensionPage, '../lib/broken.js', script), failed);
    assert.deepEqual(consoleOf(extensionPage).slice(before), [`error: ${RESOURCE_NOT_FOUND}`, `error: ${RESOURCE_NOT_FOUND}`]);
  });

  it('a content script imports its extension\'s modules by chrome.runtime.getURL where web_accessible_resources lists them for the page; relative specifiers resolve against the page', async () => {
    const manifest = {
      manifest_version: 3,
      name: 'Confinement fixture',
      version: '1.0',
      background: { service_worker: 'sw.js' },
      content_scripts: [{ matches: ['https://example.com/*'], js: ['cs.js'] }],
      web_accessible_resources: [{ resources: ['lib/module.js'], matches: ['https://example.com/*'] }],
    };
    const { contentScript, extension } = await contexts({ 'manifest.json': JSON.stringify(manifest) });
    const script = `chrome-extension://${extension.id}/cs.js`;
    assert.equal(await importOutcome(contentScript, `chrome-extension://${extension.id}/lib/module.js`, script), 'loaded default,value');
    assert.equal(await importOutcome(contentScript, './lib/module.js', script), `TypeError: ${dynamicImportFetchFailed('https://example.com/lib/module.js')}`);
    const unlisted = `chrome-extension://${extension.id}/lib/classic.js`;
    assert.equal(await importOutcome(contentScript, unlisted, script), `TypeError: ${dynamicImportFetchFailed(unlisted)}`);
  });

  it('a content script imports nothing of its extension that web_accessible_resources does not list', async () => {
    const { contentScript, extension } = await contexts();
    const file = `chrome-extension://${extension.id}/lib/module.js`;
    assert.equal(await importOutcome(contentScript, file, `chrome-extension://${extension.id}/cs.js`), `TypeError: ${dynamicImportFetchFailed(file)}`);
  });

  it('a web page imports its own site\'s modules dynamically, and no extension\'s files', async () => {
    const { webPage, extension } = await contexts();
    assert.equal(await importOutcome(webPage, '/site.js'), 'loaded site');
    const extensionFile = `chrome-extension://${extension.id}/lib/module.js`;
    assert.equal(await importOutcome(webPage, extensionFile), `TypeError: ${dynamicImportFetchFailed(extensionFile)}`);
  });

  it('another extension\'s files are not the extension page\'s own', { skip: EVAL_SKIP }, async () => {
    const { extensionPage, browser } = await contexts();
    const other = loadUnpacked(browser, extensionCopy());
    const file = `chrome-extension://${other.id}/lib/module.js`;
    assert.equal(await importOutcome(extensionPage, file), `TypeError: ${dynamicImportFetchFailed(file)}`);
  });
});

describe('confinement without --experimental-vm-modules', () => {
  it('the rules hold in a child Node started without the flag (classic scripts\' import() is then the realm\'s own importer)', { skip: !VM_MODULES || process.env.SWITCHBOARD_CONFINEMENT_CHILD === '1' }, async () => {
    const env = { ...process.env, SWITCHBOARD_CONFINEMENT_CHILD: '1', NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace('--experimental-vm-modules', '') };
    const file = fileURLToPath(import.meta.url);
    const exit = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--test', file], { env, timeout: 120_000 }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(exit.code, 0, exit.stdout);
  });

  it('import("node:fs") in a classic script is refused with an error of the realm, and eval and Function throw its EvalError, in every context kind', { skip: VM_MODULES }, async () => {
    const { worker, contentScript, webPage, extensionPage } = await contexts();
    for (const context of [worker, contentScript, webPage, extensionPage]) {
      const outcome = await run(context, 'import("node:fs").then(() => "loaded", (error) => error instanceof Error ? "refused" : "refused with a foreign error")');
      assert.equal(outcome, 'refused', context.toString());
      const compiled = await run(context, '[() => eval("1"), () => Function("return 1")()].map((f) => { try { f(); return "compiled"; } catch (error) { return error instanceof EvalError; } })');
      assert.deepEqual([...(compiled as unknown[])], [true, true], context.toString());
    }
  });
});
