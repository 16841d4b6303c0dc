const log = (label, value) => console.log('@sb', label, value);
const attempt = async (label, fn) => {
  try {
    log(label, ['ok', await fn()]);
  } catch (error) {
    log(label, ['err', error.message]);
  }
};

chrome.action.onClicked.addListener(async (tab) => {
  await attempt('id', async () => {
    const id = await chrome.tabCapture.getMediaStreamId({ targetTabId: tab.id });
    return [typeof id, id.length, /^[A-Za-z0-9+/=]+$/.test(id)];
  });
  await attempt('another id', async () => typeof (await chrome.tabCapture.getMediaStreamId({ targetTabId: tab.id })));
  await attempt('active tab', async () => typeof (await chrome.tabCapture.getMediaStreamId()));
  await attempt('unknown tab', () => chrome.tabCapture.getMediaStreamId({ targetTabId: 9999 }));
  await attempt('captured tabs', () => chrome.tabCapture.getCapturedTabs());
  log('done', 1);
});
