const report = (label, value) => console.log('@sb', label, value);
const settle = async (label, run) => {
  try {
    report(label, await run());
  } catch (error) {
    report(label, `error ${error.message}`);
  }
};
(async () => {
  report('main keys', Object.keys(chrome.management));
  report('main enums', [chrome.management.ExtensionDisabledReason, chrome.management.ExtensionInstallType, chrome.management.ExtensionType, chrome.management.LaunchType]);
  const self = await chrome.management.getSelf();
  report('main self', self);
  report('main self keys', Object.keys(self));
  await settle('main warnings', () => chrome.management.getPermissionWarningsByManifest(JSON.stringify({ manifest_version: 3, name: 'x', version: '1', permissions: ['tabs', 'storage', 'bookmarks'], host_permissions: ['<all_urls>'] })));
  await settle('main warnings bad manifest', () => chrome.management.getPermissionWarningsByManifest('{}'));
  await new Promise((resolve) => chrome.management.getSelf((info) => resolve(report('main self callback', [info.id, chrome.runtime.lastError?.message]))));
  try {
    chrome.management.getSelf(1);
  } catch (error) {
    report('main getSelf argument', error.message);
  }
  report('main done', true);
})();
