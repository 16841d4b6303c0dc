import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { describe, it } from 'node:test';
import * as errors from '../../../src/core/errors.ts';
import {
  findHostManifest,
  hostCommand,
  isValidNativeHostName,
  parseNativeHostManifest,
  resolveNativeHost,
  type RegistryHive,
  type RegistryReader,
  type RegistryView,
} from '../../../src/native/browser/index.ts';
import { rejection } from '../../support.ts';
import { EXTENSION_ID, HOSTS, ORIGIN, hostDir, nativeFixture } from './support.ts';

const VALID = { name: 'com.test.echo', description: 'd', path: '/bin/true', type: 'stdio', allowed_origins: [ORIGIN] };

function manifestFile(dir: string, name: string, manifest: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

describe('native host names and manifests', () => {
  it("host names are dot-separated parts of lowercase letters, digits and '_'", () => {
    for (const name of ['com.example.host', 'a', 'a_b.c1', '_']) assert.ok(isValidNativeHostName(name), name);
    for (const name of ['', 'Com.example', 'com-example', '.a', 'a.', 'a..b', 'a b', 'é']) assert.ok(!isValidNativeHostName(name), name);
  });

  it('a valid manifest is accepted; allowed_origins ignore the path', () => {
    const parsed = parseNativeHostManifest({ ...VALID, allowed_origins: [`chrome-extension://${EXTENSION_ID}/*`] });
    assert.ok(parsed.ok);
  });

  it("each invalid field is refused with Chrome's own log text, fields checked in Chrome's order", () => {
    const cases: [Record<string, unknown> | unknown[], string][] = [
      [[], errors.HOST_MANIFEST_NOT_A_DICTIONARY],
      [{ ...VALID, name: 'Bad', description: '' }, errors.HOST_MANIFEST_INVALID_NAME],
      [{ ...VALID, description: '', type: 'x' }, errors.HOST_MANIFEST_INVALID_DESCRIPTION],
      [{ ...VALID, type: 'native' }, errors.HOST_MANIFEST_INVALID_TYPE],
      [{ ...VALID, path: '' }, errors.HOST_MANIFEST_INVALID_PATH],
      [{ ...VALID, allowed_origins: ORIGIN }, errors.HOST_MANIFEST_ORIGINS_NOT_A_LIST],
      [{ ...VALID, allowed_origins: [1] }, errors.HOST_MANIFEST_ORIGIN_NOT_A_STRING],
      [{ ...VALID, allowed_origins: [`chrome-extension://${EXTENSION_ID}`] }, errors.hostManifestPatternUnparsable(`chrome-extension://${EXTENSION_ID}`, errors.PARSE_ERROR_EMPTY_PATH)],
      [{ ...VALID, allowed_origins: ['https://example.com/'] }, errors.hostManifestPatternUnparsable('https://example.com/', errors.PARSE_ERROR_INVALID_SCHEME)],
      [{ ...VALID, allowed_origins: ['chrome-extension://*/'] }, errors.hostManifestPatternNotAllowed('chrome-extension://*/')],
      [{ ...VALID, allowed_origins: ['<all_urls>'] }, errors.hostManifestPatternNotAllowed('<all_urls>')],
    ];
    for (const [manifest, error] of cases) assert.deepEqual(parseNativeHostManifest(manifest), { ok: false, error });
  });
});

describe('native host manifest lookup', () => {
  it('Linux: the user-level folder <user-data-dir>/NativeMessagingHosts first, then the system folder', () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'sb-udd-'));
    const none = findHostManifest('com.test.echo', { platform: 'linux', brand: 'chromium', userDataDir });
    assert.deepEqual(
      none.searched.map((place) => [place.level, place.where, place.found]),
      [
        ['user', join(userDataDir, 'NativeMessagingHosts'), false],
        ['system', '/etc/chromium/native-messaging-hosts', false],
      ],
    );
    assert.equal(none.manifestPath, undefined);
    const file = manifestFile(join(userDataDir, 'NativeMessagingHosts'), 'com.test.echo', VALID);
    assert.equal(findHostManifest('com.test.echo', { platform: 'linux', brand: 'chromium', userDataDir }).manifestPath, file);
  });

  it("the brands' default folders are Chrome's", () => {
    const where = (brand: 'chrome' | 'chromium', platform: 'linux' | 'darwin') =>
      findHostManifest('com.test.none', { platform, brand, homeDir: '/home/u' }).searched.map((place) => place.where);
    const saved = process.env.XDG_CONFIG_HOME;
    delete process.env.XDG_CONFIG_HOME;
    try {
      assert.deepEqual(where('chrome', 'linux'), ['/home/u/.config/google-chrome/NativeMessagingHosts', '/etc/opt/chrome/native-messaging-hosts']);
      assert.deepEqual(where('chromium', 'linux'), ['/home/u/.config/chromium/NativeMessagingHosts', '/etc/chromium/native-messaging-hosts']);
      assert.deepEqual(where('chrome', 'darwin'), [
        '/home/u/Library/Application Support/Google/Chrome/NativeMessagingHosts',
        '/Library/Google/Chrome/NativeMessagingHosts',
      ]);
      assert.deepEqual(where('chromium', 'darwin'), [
        '/home/u/Library/Application Support/Chromium/NativeMessagingHosts',
        '/Library/Application Support/Chromium/NativeMessagingHosts',
      ]);
    } finally {
      if (saved !== undefined) process.env.XDG_CONFIG_HOME = saved;
    }
  });

  it('the policy NativeMessagingUserLevelHosts=false skips the user-level folder', () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'sb-udd-'));
    manifestFile(join(userDataDir, 'NativeMessagingHosts'), 'com.test.echo', VALID);
    const lookup = findHostManifest('com.test.echo', { platform: 'linux', userDataDir, userLevelHosts: false });
    assert.deepEqual(lookup.searched.map((place) => place.level), ['system']);
    assert.equal(lookup.manifestPath, undefined);
  });

  it('the first manifest found is the one used: an invalid user-level manifest hides a valid one later', () => {
    const first = mkdtempSync(join(tmpdir(), 'sb-a-'));
    const second = hostDir({ 'com.test.echo': { script: 'echo.mjs' } });
    manifestFile(first, 'com.test.echo', { ...VALID, type: 'tcp' });
    const resolution = resolveNativeHost('com.test.echo', EXTENSION_ID, { hostDirs: [first, second] });
    assert.equal(resolution.error, errors.NATIVE_HOST_NOT_FOUND);
    assert.equal(resolution.reason, errors.HOST_MANIFEST_INVALID_TYPE);
  });

  it('Windows: HKCU before HKLM, the 32-bit view before the 64-bit one; Chromium tries its own key first', () => {
    const reads: string[] = [];
    const manifest = 'C:\\hosts\\com.test.echo.json';
    const registry: RegistryReader = {
      readDefaultValue(hive: RegistryHive, key: string, view: RegistryView) {
        reads.push(`${hive}\\${key} ${view}`);
        return hive === 'HKLM' && key.startsWith('SOFTWARE\\Google') && view === 64 ? manifest : undefined;
      },
    };
    const lookup = findHostManifest('com.test.echo', { platform: 'win32', brand: 'chromium', registry });
    assert.equal(lookup.manifestPath, manifest);
    const key = (vendor: string) => `SOFTWARE\\${vendor}\\NativeMessagingHosts\\com.test.echo`;
    assert.deepEqual(reads, [
      `HKCU\\${key('Chromium')} 32`,
      `HKCU\\${key('Chromium')} 64`,
      `HKCU\\${key('Google\\Chrome')} 32`,
      `HKCU\\${key('Google\\Chrome')} 64`,
      `HKLM\\${key('Chromium')} 32`,
      `HKLM\\${key('Chromium')} 64`,
      `HKLM\\${key('Google\\Chrome')} 32`,
      `HKLM\\${key('Google\\Chrome')} 64`,
    ]);
  });

  it('Windows: a registry value that is not an absolute path is skipped', () => {
    const registry: RegistryReader = { readDefaultValue: (hive) => (hive === 'HKCU' ? 'relative\\host.json' : undefined) };
    const lookup = findHostManifest('com.test.echo', { platform: 'win32', registry });
    assert.equal(lookup.manifestPath, undefined);
    assert.equal(lookup.searched[0]!.problem, errors.HOST_MANIFEST_PATH_NOT_ABSOLUTE);
  });

  it("Windows: a relative host path is resolved against the manifest's folder, and run through %COMSPEC%", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-win-'));
    const file = manifestFile(dir, 'com.test.win', { ...VALID, name: 'com.test.win', path: 'host.bat' });
    const resolution = resolveNativeHost('com.test.win', EXTENSION_ID, { platform: 'win32', manifestFile: file });
    assert.equal(resolution.hostPath, win32.join(win32.dirname(file), 'host.bat'));
    const command = hostCommand('C:\\hosts\\host.bat', ORIGIN, 'win32');
    assert.deepEqual(command.args, ['/d', '/c', `"C:\\hosts\\host.bat" ${ORIGIN} --parent-window=0`]);
    assert.equal(command.cwd, 'C:\\hosts');
  });
});

describe("resolving a host: Chrome's errors, in Chrome's order", () => {
  it('an invalid name is refused first, before any file is read', () => {
    const resolution = resolveNativeHost('Not.Valid', EXTENSION_ID, { hostDirs: ['/nonexistent'] });
    assert.equal(resolution.error, errors.NATIVE_HOST_INVALID_NAME);
    assert.deepEqual(resolution.searched, []);
  });

  it('not found: no manifest, a manifest naming another host, a relative path on POSIX, a missing host file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-nf-'));
    manifestFile(dir, 'com.test.other_name', { ...VALID, name: 'com.test.echo' });
    manifestFile(dir, 'com.test.relative', { ...VALID, name: 'com.test.relative', path: 'echo.mjs' });
    manifestFile(dir, 'com.test.missing', { ...VALID, name: 'com.test.missing', path: join(HOSTS, 'no-such-host') });
    for (const name of ['com.test.absent', 'com.test.other_name', 'com.test.relative', 'com.test.missing']) {
      assert.equal(resolveNativeHost(name, EXTENSION_ID, { hostDirs: [dir], platform: 'linux' }).error, errors.NATIVE_HOST_NOT_FOUND, name);
    }
  });

  it('forbidden: the extension is not in allowed_origins (checked after the manifest is known valid)', () => {
    const dir = hostDir({ 'com.test.echo': { script: 'echo.mjs', allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] } });
    const resolution = resolveNativeHost('com.test.echo', EXTENSION_ID, { hostDirs: [dir] });
    assert.equal(resolution.error, errors.NATIVE_HOST_FORBIDDEN);
  });

  it('the extension sees each of these errors asynchronously, as a rejection or an onDisconnect', async () => {
    const { worker } = nativeFixture({
      'com.test.forbidden': { script: 'echo.mjs', allowedOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'] },
    });
    assert.equal((await rejection(worker.runtime.sendNativeMessage!('Bad Name', {}))).message, errors.NATIVE_HOST_INVALID_NAME);
    assert.equal((await rejection(worker.runtime.sendNativeMessage!('com.test.absent', {}))).message, errors.NATIVE_HOST_NOT_FOUND);
    const port = worker.runtime.connectNative!('com.test.forbidden');
    const error = await new Promise((resolve) => port.onDisconnect.addListener(() => resolve(worker.runtime.lastError?.message)));
    assert.equal(error, errors.NATIVE_HOST_FORBIDDEN);
  });
});
