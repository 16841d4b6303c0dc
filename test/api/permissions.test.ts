import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Permissions } from '../../src/api/permissions.ts';
import { errors, grantPermissions } from '../../src/index.ts';
import { fixture, mv3, rejection, sw, thrown, withCallback } from '../support.ts';

type PermissionsChrome = { permissions: Permissions; runtime: { lastError?: { message: string } } };

const MANIFEST = {
  permissions: ['tabs', 'storage', 'alarms', 'nope'],
  optional_permissions: ['bookmarks'],
  host_permissions: ['http://b.test/*', 'https://*.example.com/*'],
  optional_host_permissions: ['http://c.test/*'],
  content_scripts: [{ matches: ['http://a.test/*'], js: ['cs.js'] }],
};

async function permissionsFixture() {
  const { browser } = fixture();
  const added: unknown[] = [];
  const removed: unknown[] = [];
  const extension = browser.installExtension({
    manifest: mv3(MANIFEST),
    scripts: {
      'sw.js': ({ chrome }) => {
        const { permissions } = chrome as unknown as PermissionsChrome;
        permissions.onAdded.addListener((p) => added.push(p));
        permissions.onRemoved.addListener((p) => removed.push(p));
      },
    },
  });
  await browser.idle();
  const chrome = sw(extension) as unknown as PermissionsChrome;
  return { browser, extension, chrome, permissions: chrome.permissions, added, removed };
}

describe('chrome.permissions', () => {
  it('getAll lists the known API permissions and the host permissions with content scripts\' matches, each sorted', async () => {
    const { permissions } = await permissionsFixture();
    assert.deepEqual(await permissions.getAll(), {
      origins: ['http://a.test/*', 'http://b.test/*', 'https://*.example.com/*'],
      permissions: ['alarms', 'storage', 'tabs'],
    });
  });

  it('contains answers for granted permissions and origins covered by a granted pattern', async () => {
    const { permissions } = await permissionsFixture();
    assert.equal(await permissions.contains({ permissions: ['tabs'], origins: ['https://www.example.com/x'] }), true);
    assert.equal(await permissions.contains({ origins: ['http://a.test/*'] }), true);
    assert.equal(await permissions.contains({ permissions: ['bookmarks'] }), false);
    assert.equal(await permissions.contains({ origins: ['http://c.test/*'] }), false);
    assert.equal(await permissions.contains({}), true);
  });

  it('an unknown permission or a bad origin pattern fails with Chrome\'s error', async () => {
    const { permissions, chrome } = await permissionsFixture();
    assert.equal((await rejection(permissions.contains({ permissions: ['nope'] }))).message, errors.unknownPermission('nope'));
    assert.equal((await rejection(permissions.contains({ origins: ['not a pattern'] }))).message, errors.invalidOriginPattern('not a pattern', 'Missing scheme separator.'));
    const answer = await withCallback((callback) => permissions.contains({ permissions: ['nope'] }, callback), chrome);
    assert.deepEqual(answer, { args: [], lastError: errors.unknownPermission('nope') });
  });

  it('request needs a user gesture, which nothing in Switchboard is', async () => {
    const { permissions } = await permissionsFixture();
    assert.equal((await rejection(permissions.request({ permissions: ['bookmarks'] }))).message, errors.PERMISSIONS_USER_GESTURE_REQUIRED);
  });

  it('remove refuses required permissions and undeclared ones, and answers true for optional ones', async () => {
    const { permissions } = await permissionsFixture();
    assert.equal((await rejection(permissions.remove({ permissions: ['tabs'] }))).message, errors.PERMISSIONS_CANT_REMOVE_REQUIRED);
    assert.equal((await rejection(permissions.remove({ origins: ['http://b.test/*'] }))).message, errors.PERMISSIONS_CANT_REMOVE_REQUIRED);
    assert.equal((await rejection(permissions.remove({ permissions: ['history'] }))).message, errors.PERMISSIONS_NOT_IN_MANIFEST);
    assert.equal(await permissions.remove({ permissions: ['bookmarks'] }), true);
  });

  it('grantPermissions grants optional permissions, raising onAdded; remove takes them back, raising onRemoved', async () => {
    const { browser, extension, permissions, added, removed } = await permissionsFixture();
    grantPermissions(extension, { permissions: ['bookmarks'], origins: ['http://c.test/*'] });
    await browser.idle();
    assert.deepEqual(added, [{ origins: ['http://c.test/*'], permissions: ['bookmarks'] }]);
    assert.equal(await permissions.contains({ permissions: ['bookmarks'], origins: ['http://c.test/x'] }), true);
    grantPermissions(extension, { permissions: ['bookmarks'] });
    await browser.idle();
    assert.equal(added.length, 1, 'nothing new granted, no event');
    assert.equal(await permissions.remove({ permissions: ['bookmarks'] }), true);
    await browser.idle();
    assert.deepEqual(removed, [{ origins: [], permissions: ['bookmarks'] }]);
    assert.throws(() => grantPermissions(extension, { permissions: ['history'] }), { message: errors.PERMISSIONS_NOT_IN_MANIFEST });
  });

  it('host access requests need a tab or a document that exists', async () => {
    const { permissions } = await permissionsFixture();
    assert.equal((await rejection(permissions.addHostAccessRequest({}))).message, errors.PERMISSIONS_TAB_OR_DOCUMENT_REQUIRED);
    assert.equal((await rejection(permissions.addHostAccessRequest({ tabId: 12345 }))).message, errors.tabNotFound(12345));
    assert.equal((await rejection(permissions.removeHostAccessRequest({ documentId: 'nope' }))).message, errors.permissionsNoDocument('nope'));
  });

  it('a bad argument throws the invocation error', async () => {
    const { permissions } = await permissionsFixture();
    assert.match(thrown(() => permissions.contains({ permissions: 'tabs' })).message, /Error at property 'permissions': Invalid type: expected array, found string\./);
  });

  it('content scripts have no chrome.permissions', async () => {
    const { browser, extension } = await permissionsFixture();
    const tab = browser.openTab('http://a.test/');
    await browser.idle();
    assert.equal('permissions' in (tab.mainFrame.contentScript(extension)!.chrome as object), false);
  });
});
