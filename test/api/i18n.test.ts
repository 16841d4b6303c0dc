import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { I18n } from '../../src/api/i18n.ts';
import { ManifestError, errors } from '../../src/index.ts';
import { loadUnpacked } from '../../src/loader/index.ts';
import { replaceStringPlaceholders } from '../../src/platform/i18n.ts';
import { fixture, mv3, sw, thrown } from '../support.ts';

type I18nChrome = { i18n: I18n; runtime: { getManifest(): Record<string, unknown> } };

const MESSAGES = {
  plain: { message: 'Hello' },
  Greet: { message: 'Hi $WHO$, $2 and $$ ($1)', placeholders: { who: { content: '[$1]' } } },
  lt: { message: '<b>$1' },
};

function i18nFixture(manifest: Record<string, unknown> = { default_locale: 'en', name: '__MSG_plain__' }, messages: Record<string, unknown> | null = MESSAGES) {
  const { browser } = fixture();
  const extension = browser.installExtension({ manifest: mv3(manifest), scripts: { 'sw.js': () => {} }, ...(messages ? { messages } : {}) } as Parameters<typeof browser.installExtension>[0]);
  return { browser, extension, chrome: sw(extension) as unknown as I18nChrome };
}

function unpacked(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sb-i18n-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('chrome.i18n', () => {
  it('getMessage finds a message by its name in any case, and an unknown name gives an empty string', () => {
    const { chrome } = i18nFixture();
    assert.equal(chrome.i18n.getMessage('PLAIN'), 'Hello');
    assert.equal(chrome.i18n.getMessage('nope'), '');
  });

  it('named placeholders are replaced by their content, then $1…$9 by the substitutions and $$ by $', () => {
    const { chrome } = i18nFixture();
    assert.equal(chrome.i18n.getMessage('greet', ['Ada', 'Bob']), 'Hi [Ada], Bob and $ (Ada)');
    assert.equal(chrome.i18n.getMessage('greet', 'Ada'), 'Hi [Ada],  and $ (Ada)');
  });

  it('more than nine substitutions give undefined', () => {
    const { chrome } = i18nFixture();
    assert.equal(chrome.i18n.getMessage('plain', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']), undefined);
  });

  it('escapeLt escapes the message, not the substitutions', () => {
    const { chrome } = i18nFixture();
    assert.equal(chrome.i18n.getMessage('lt', ['<i>'], { escapeLt: true }), '&lt;b><i>');
  });

  it('the predefined messages: @@extension_id always, the locale and bidi ones with locales', () => {
    const { chrome, extension } = i18nFixture();
    assert.equal(chrome.i18n.getMessage('@@extension_id'), extension.id);
    assert.deepEqual(['@@ui_locale', '@@bidi_dir', '@@bidi_reversed_dir', '@@bidi_start_edge', '@@bidi_end_edge'].map((n) => chrome.i18n.getMessage(n)), ['en_US', 'ltr', 'rtl', 'left', 'right']);
    const bare = i18nFixture({}, null).chrome;
    assert.equal(bare.i18n.getMessage('@@ui_locale'), '');
    assert.equal(bare.i18n.getMessage('@@extension_id')?.length, 32);
  });

  it('ReplaceStringPlaceholders drops a $ before anything but a digit or $, and $10 is $1 then 0', () => {
    assert.equal(replaceStringPlaceholders('a $ b $10 $$$ $', ['x']), 'a b x0 $$ ');
  });

  it('getMessage without a name throws the invocation error', () => {
    const { chrome } = i18nFixture();
    assert.match(thrown(() => (chrome.i18n.getMessage as () => unknown)()).message, /i18n\.getMessage\(string messageName, optional any substitutions, optional object options\): No matching signature\./);
  });

  it('getUILanguage, getAcceptLanguages and detectLanguage answer as Chromium 156 headless does', async () => {
    const { chrome } = i18nFixture();
    assert.equal(chrome.i18n.getUILanguage(), 'en-US');
    assert.deepEqual(await chrome.i18n.getAcceptLanguages(), ['en-US', 'en']);
    assert.deepEqual(await chrome.i18n.detectLanguage('This is a sentence written in English, about the weather and the sea.'), { isReliable: true, languages: [{ language: 'en', percentage: 100 }] });
    assert.deepEqual(await chrome.i18n.detectLanguage(''), { isReliable: false, languages: [] });
  });

  it('the manifest\'s __MSG_name__ are replaced, and getManifest shows the replaced values', () => {
    const { chrome, extension } = i18nFixture({ default_locale: 'en', name: '__MSG_plain__', description: 'x __MSG_PLAIN__ y', action: { default_title: '__MSG_plain__' } });
    assert.equal(extension.manifest.name, 'Hello');
    const manifest = chrome.runtime.getManifest();
    assert.deepEqual([manifest.name, manifest.description, (manifest.action as { default_title: string }).default_title], ['Hello', 'x Hello y', 'Hello']);
  });

  it('an undefined __MSG_name__ or $placeholder$ refuses the extension', () => {
    const { browser } = fixture();
    assert.throws(() => browser.installExtension({ manifest: mv3({ default_locale: 'en', name: '__MSG_nope__' }), messages: MESSAGES }), { message: errors.variableUsedButNotDefined('__MSG_nope__') });
    assert.throws(() => browser.installExtension({ manifest: mv3({ default_locale: 'en' }), messages: { a: { message: '$x$' } } }), { message: 'Variable $x$ used but not defined.' });
    assert.throws(() => browser.installExtension({ manifest: mv3(), messages: MESSAGES }), ManifestError);
  });

  it('a manifest that is no dictionary is refused as such, with messages as without', () => {
    const { browser } = fixture();
    for (const manifest of [null, [], 'manifest']) {
      for (const messages of [undefined, MESSAGES]) {
        const error = thrown(() => browser.installExtension({ manifest, ...(messages && { messages }) } as unknown as Parameters<typeof browser.installExtension>[0]));
        assert.ok(error instanceof ManifestError, `${JSON.stringify(manifest)}: ${error.message}`);
        assert.equal(error.message, 'Manifest is not a valid JSON dictionary.');
      }
    }
  });

  it('an unpacked extension reads _locales/<default_locale>/messages.json', () => {
    const root = unpacked({
      'manifest.json': JSON.stringify(mv3({ default_locale: 'en', name: '__MSG_plain__' })),
      'sw.js': '',
      '_locales/en/messages.json': JSON.stringify(MESSAGES),
    });
    const { browser } = fixture();
    const extension = loadUnpacked(browser, root);
    assert.equal(extension.manifest.name, 'Hello');
    assert.equal(extension.messages.get('plain'), 'Hello');
  });

  it('an unpacked extension\'s locale errors are Chrome\'s load errors', () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'manifest.json': JSON.stringify(mv3({ default_locale: 'en' })), 'sw.js': '' }, errors.LOCALES_TREE_MISSING],
      [{ 'manifest.json': JSON.stringify(mv3()), 'sw.js': '', '_locales/en/messages.json': '{}' }, errors.LOCALES_NO_DEFAULT_LOCALE],
      [{ 'manifest.json': JSON.stringify(mv3({ default_locale: 'fr' })), 'sw.js': '', '_locales/en/messages.json': '{}' }, errors.LOCALES_NO_DEFAULT_LOCALE],
      [{ 'manifest.json': JSON.stringify(mv3({ default_locale: 'en' })), 'sw.js': '', '_locales/en/x.txt': '' }, errors.localeCatalogMissing('en')],
      [{ 'manifest.json': JSON.stringify(mv3({ default_locale: 'en' })), 'sw.js': '', '_locales/en/messages.json': '{"x":{}}' }, errors.noMessageElement('x')],
    ];
    for (const [files, message] of cases) {
      const error = thrown(() => loadUnpacked(fixture().browser, unpacked(files))) as ManifestError;
      assert.ok(error instanceof ManifestError, message);
      assert.ok(error.message.includes(message), `${error.message} should name ${message}`);
    }
  });
});
