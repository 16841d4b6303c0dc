import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runExtension } from '../../src/cli/run-extension.ts';
import { createBrowser } from '../../src/index.ts';
import { attachDom, loadUnpacked } from '../../src/loader/index.ts';
import { fileIn } from '../../src/loader/folder-files.ts';
import { SiteFolders } from '../../src/loader/sites.ts';

const SEED = join(import.meta.dirname, '..', '..', 'examples', 'seed');

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('sites served from folders', () => {
  it('a URL of a site names a file in its folder; "/" is index.html; nothing outside the folder', () => {
    const dir = site({ 'index.html': '<title>home</title>', 'a b/page.html': 'spaced' });
    const sites = SiteFolders.parse([`http://a.test=${dir}`]);
    assert.equal(sites.page('http://a.test/'), '<title>home</title>');
    assert.equal(sites.page('http://a.test/a%20b/page.html'), 'spaced');
    assert.equal(sites.page('http://a.test/missing.html'), undefined);
    assert.equal(sites.page('http://b.test/'), undefined);
    assert.equal(sites.page('http://a.test/%2e%2e/etc/passwd'), undefined);
    assert.equal(fileIn(dir, '/../outside'), undefined);
  });

  it('a URL with a malformed escape names no file, on a site or in an extension, and opening it does not throw', async () => {
    const dir = site({ 'index.html': '' });
    assert.equal(SiteFolders.parse([`http://a.test=${dir}`]).page('http://a.test/%E0.html'), undefined);
    const browser = createBrowser();
    const dom = attachDom(browser);
    const extension = loadUnpacked(browser, join(SEED, 'extension'));
    assert.equal(dom.resolve(`chrome-extension://${extension.id}/%E0.html`), undefined);
    browser.openTab(`chrome-extension://${extension.id}/%E0.html`);
    await browser.idle();
    browser.close();
  });

  it('--site takes origin=folder and says what is wrong with anything else', () => {
    const dir = site({ 'index.html': '' });
    assert.deepEqual([...SiteFolders.parse([`https://a.test:8443=${dir}`]).sites.keys()], ['https://a.test:8443']);
    assert.throws(() => SiteFolders.parse(['http://a.test']), /expected origin=folder/);
    assert.throws(() => SiteFolders.parse([`a.test=${dir}`]), /is not an origin/);
    assert.throws(() => SiteFolders.parse([`http://a.test/path=${dir}`]), /not an http or https origin/);
    assert.throws(() => SiteFolders.parse([`file:///x=${dir}`]), /not an http or https origin/);
    assert.throws(() => SiteFolders.parse([`http://a.test=${join(dir, 'nope')}`]), /is not a folder/);
  });

  it('switchboard run <extension> --site: the pages run their scripts and talk to the extension', async () => {
    const lines: string[] = [];
    const sites = SiteFolders.parse([`http://news.test=${join(SEED, 'news-site')}`, `http://editor.test=${join(SEED, 'editor-site')}`]);
    await runExtension(join(SEED, 'extension'), ['http://news.test/article.html', 'http://editor.test/open.html'], (line) => lines.push(line), sites);
    assert.ok(lines.some((line) => line.startsWith('content script http://news.test/article.html [log] @sb punchline')), lines.join('\n'));
    assert.ok(lines.some((line) => line.startsWith('web page http://editor.test/open.html [log] @sb editor answered')), lines.join('\n'));
  });
});
