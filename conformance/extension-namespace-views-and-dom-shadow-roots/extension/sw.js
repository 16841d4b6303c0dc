const report = (label, value) => console.log('@sb', label, value);
(async () => {
  report('sw keys', Object.keys(chrome.extension));
  report('sw ViewType', chrome.extension.ViewType);
  report('sw inIncognitoContext', chrome.extension.inIncognitoContext);
  report('sw file scheme', await chrome.extension.isAllowedFileSchemeAccess());
  report('sw incognito', await chrome.extension.isAllowedIncognitoAccess());
  await new Promise((resolve) => chrome.extension.isAllowedIncognitoAccess((allowed) => resolve(report('sw incognito callback', allowed))));
  report('sw setUpdateUrlData', chrome.extension.setUpdateUrlData('x=1'));
  for (const [label, run] of [
    ['sw setUpdateUrlData none', () => chrome.extension.setUpdateUrlData()],
    ['sw setUpdateUrlData long', () => chrome.extension.setUpdateUrlData('x'.repeat(1025))],
    ['sw file scheme argument', () => chrome.extension.isAllowedFileSchemeAccess(1)],
  ]) {
    try {
      report(label, run());
    } catch (error) {
      report(label, `threw ${error.message}`);
    }
  }
  report('sw dom keys', Object.keys(chrome.dom));
  report('sw done', true);
})();
