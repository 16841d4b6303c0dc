import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extensionIdFromPath } from '../../src/core/ids.ts';
import { createBrowser, ManifestError } from '../../src/index.ts';
import { loadUnpacked } from '../../src/loader/index.ts';
import { fixtureDir } from './support.ts';

/** A fresh extension directory holding `files` (path → text). */
function extensionDir(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'switchboard-loader-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function manifestError(load: () => unknown): ManifestError {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof ManifestError, `expected a ManifestError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected loading to fail');
}

const MINIMAL = JSON.stringify({ manifest_version: 3, name: 'x', version: '1' });

describe('loadUnpacked: manifest and id', () => {
  it('an unpacked extension without a key gets the id of its absolute path', () => {
    const dir = fixtureDir('messaging');
    const extension = loadUnpacked(createBrowser(), dir);
    assert.equal(extension.id, extensionIdFromPath(realpathSync(dir)));
  });

  it('a relative directory and a symlink to it give the same id as the real absolute path', () => {
    const dir = extensionDir({ 'manifest.json': MINIMAL });
    const link = join(realpathSync(mkdtempSync(join(tmpdir(), 'switchboard-link-'))), 'ext');
    symlinkSync(dir, link);
    assert.equal(loadUnpacked(createBrowser(), link).id, extensionIdFromPath(dir));
  });

  it('comments in manifest.json are allowed, as Chrome allows them', () => {
    const dir = extensionDir({ 'manifest.json': `// leading\n{ "manifest_version": 3, /* inline */ "name": "a // not a comment", "version": "1" }` });
    assert.equal(loadUnpacked(createBrowser(), dir).manifest.name, 'a // not a comment');
  });

  it('a missing manifest.json names the file', () => {
    const dir = extensionDir({ 'sw.js': '' });
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.file, join(dir, 'manifest.json'));
    assert.equal(error.key, '');
    assert.match(error.message, /^Manifest file is missing or unreadable/);
    assert.ok(error.message.includes(join(dir, 'manifest.json')));
  });

  it('invalid JSON names the file', () => {
    const dir = extensionDir({ 'manifest.json': '{ "manifest_version": 3, ' });
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.file, join(dir, 'manifest.json'));
    assert.match(error.message, /^Manifest is not valid JSON\./);
  });

  it('a manifest Chrome refuses names the file and the key, with Chrome\'s text', () => {
    const dir = fixtureDir('bad-version');
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.file, join(realpathSync(dir), 'manifest.json'));
    assert.equal(error.key, 'version');
    assert.ok(error.message.startsWith("Required value 'version' is missing or invalid."), error.message);
    assert.ok(error.message.includes(`${error.file}, key 'version'`));
  });

  it('a service worker file that does not exist is refused, naming background.service_worker', () => {
    const dir = extensionDir({ 'manifest.json': JSON.stringify({ manifest_version: 3, name: 'x', version: '1', background: { service_worker: 'gone.js' } }) });
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.key, 'background.service_worker');
    assert.match(error.message, /^Could not load background script 'gone.js'\./);
  });

  it('a content script file that does not exist is refused, naming its index', () => {
    const manifest = { manifest_version: 3, name: 'x', version: '1', content_scripts: [{ matches: ['<all_urls>'], js: ['a.js', 'b.js'] }] };
    const dir = extensionDir({ 'manifest.json': JSON.stringify(manifest), 'a.js': '' });
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.key, 'content_scripts[0].js[1]');
    assert.match(error.message, /'b.js'/);
  });

  it('a nested key error from the core keeps its key and gains the file', () => {
    const manifest = { manifest_version: 3, name: 'x', version: '1', externally_connectable: { matches: ['not a pattern'] } };
    const dir = extensionDir({ 'manifest.json': JSON.stringify(manifest) });
    const error = manifestError(() => loadUnpacked(createBrowser(), dir));
    assert.equal(error.file, join(dir, 'manifest.json'));
    assert.match(error.key, /^externally_connectable\.matches/);
    assert.ok(error.cause instanceof ManifestError);
  });
});
