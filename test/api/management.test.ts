import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Management } from '../../src/api/management.ts';
import { errors } from '../../src/index.ts';
import { fixture, mv3, rejection, sw } from '../support.ts';

type ManagementChrome = { management: Management };

function managementFixture() {
  const { browser } = fixture();
  const main = browser.installExtension({
    id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab',
    manifest: mv3({
      name: 'Main',
      version: '2.0',
      version_name: '2.0 beta',
      options_page: 'options.html',
      icons: { '48': 'i.png', '16': 'i.png' },
      permissions: ['tabs', 'storage'],
      host_permissions: ['http://b.test/*'],
      content_scripts: [{ matches: ['http://a.test/*'], js: ['cs.js'] }],
    }),
    scripts: { 'sw.js': () => {} },
  });
  const admin = browser.installExtension({ id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', manifest: mv3({ name: 'Admin', permissions: ['management'] }), scripts: { 'sw.js': () => {} } });
  return { browser, main, admin, of: (extension: typeof main) => (sw(extension) as unknown as ManagementChrome).management };
}

describe('chrome.management', () => {
  it('without the management permission only getSelf, getPermissionWarningsByManifest, uninstallSelf and the enums are there', () => {
    const { main, of } = managementFixture();
    assert.deepEqual(Object.keys(of(main)), ['getPermissionWarningsByManifest', 'getSelf', 'uninstallSelf', 'ExtensionDisabledReason', 'ExtensionInstallType', 'ExtensionType', 'LaunchType']);
  });

  it('getSelf gives an ExtensionInfo with Chrome\'s keys in sorted order, icons by size, host permissions without content scripts\'', async () => {
    const { main, of } = managementFixture();
    const info = await of(main).getSelf();
    assert.deepEqual(Object.keys(info!), ['description', 'enabled', 'homepageUrl', 'hostPermissions', 'icons', 'id', 'installType', 'isApp', 'mayDisable', 'name', 'offlineEnabled', 'optionsUrl', 'permissions', 'shortName', 'type', 'version', 'versionName']);
    assert.deepEqual(info!.icons, [16, 48].map((size) => ({ size, url: `chrome://extension-icon/${main.id}/${size}/0` })));
    assert.deepEqual([info!.hostPermissions, info!.permissions, info!.optionsUrl, info!.shortName, info!.versionName, info!.installType], [
      ['http://b.test/*'], ['storage', 'tabs'], main.getURL('options.html'), 'Main', '2.0 beta', 'development',
    ]);
  });

  it('with the permission, getAll lists installed extensions by id and get of an unknown id fails', async () => {
    const { main, admin, of } = managementFixture();
    assert.deepEqual((await of(admin).getAll())!.map((info) => info.id), [admin.id, main.id]);
    assert.equal((await of(admin).get(main.id))!.name, 'Main');
    assert.equal((await rejection(of(admin).get('nope'))).message, errors.managementNoExtension('nope'));
  });

  it('a disabled extension is listed with enabled false and disabledReason unknown', async () => {
    const { main, admin, of } = managementFixture();
    main.disable();
    const info = await of(admin).get(main.id);
    assert.deepEqual([info!.enabled, info!.disabledReason], [false, 'unknown']);
  });

  it('permission warnings: all hosts cover tabs\' warning; a few hosts are named; a bad manifest fails', async () => {
    const { main, admin, of } = managementFixture();
    const manifest = JSON.stringify(mv3({ permissions: ['tabs', 'bookmarks'], host_permissions: ['<all_urls>'] }));
    assert.deepEqual(await of(main).getPermissionWarningsByManifest(manifest), ['Read and change all your data on all websites', 'Read and change your bookmarks']);
    assert.deepEqual(await of(admin).getPermissionWarningsById(main.id), ['Read and change your data on a.test and b.test', 'Read your browsing history']);
    assert.equal((await rejection(of(main).getPermissionWarningsByManifest('{}'))).message, errors.MANAGEMENT_CREATE_ERROR);
  });

  it('uninstallSelf uninstalls the extension', async () => {
    const { browser, main, of } = managementFixture();
    void of(main).uninstallSelf();
    await browser.idle();
    assert.equal(main.installed, false);
  });
});
