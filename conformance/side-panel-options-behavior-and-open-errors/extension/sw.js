const log = (label, v) => console.log('@sb', label, v);
const attempt = async (label, fn) => { try { log(label, ['ok', await fn()]); } catch (e) { log(label, ['err', e.message]); } };
// Window and tab ids inside messages differ between browsers; the words do not.
const settle = (label, promise) => promise.then((v) => log(label, ['ok', v ?? null]), (e) => log(label, ['err', e.message.replace(/: \d+$/, ': <id>')]));
chrome.sidePanel.onOpened.addListener((info) => log('onOpened', info));
chrome.sidePanel.onClosed.addListener((info) => log('onClosed', info));
const topLevelOpen = chrome.sidePanel.open({ windowId: 1 }).then(() => 'opened', (e) => e.message);
let clicks = 0;
chrome.action.onClicked.addListener(async (tab) => {
  clicks++;
  if (clicks === 1) {
    settle('open unknown tab', chrome.sidePanel.open({ tabId: 99999 }));
    settle('open unknown window', chrome.sidePanel.open({ windowId: 99999 }));
    settle('open neither', chrome.sidePanel.open({}));
    settle('open tab in unknown window', chrome.sidePanel.open({ tabId: tab.id, windowId: 99999 }));
    settle('open window', chrome.sidePanel.open({ windowId: tab.windowId }));
    await 0;
    settle('open after await', chrome.sidePanel.open({ windowId: tab.windowId }));
  } else {
    chrome.sidePanel.setOptions({ enabled: false });
    settle('open disabled window', chrome.sidePanel.open({ windowId: tab.windowId }));
    settle('open disabled tab', chrome.sidePanel.open({ tabId: tab.id }));
    await settle('open tab panel', chrome.sidePanel.open({ tabId: tab.id }));
    setTimeout(() => settle('close tab panel', chrome.sidePanel.close({ tabId: tab.id })), 200);
  }
});
chrome.runtime.onMessage.addListener(async (message, sender) => {
  const tabId = sender.tab.id;
  const windowId = sender.tab.windowId;
  log('top-level open', await topLevelOpen);
  log('keys', Object.keys(chrome.sidePanel));
  log('Side', chrome.sidePanel.Side);
  await attempt('defaults', () => chrome.sidePanel.getOptions({}));
  await attempt('tab defaults', () => chrome.sidePanel.getOptions({ tabId }));
  await attempt('unknown tab defaults', () => chrome.sidePanel.getOptions({ tabId: 99999 }));
  await attempt('getOptions without options', () => chrome.sidePanel.getOptions());
  await attempt('set tab path', () => chrome.sidePanel.setOptions({ tabId, path: 'other.html' }));
  await attempt('tab options', () => chrome.sidePanel.getOptions({ tabId }));
  await attempt('set tab disabled', () => chrome.sidePanel.setOptions({ tabId, enabled: false }));
  await attempt('tab options merged', () => chrome.sidePanel.getOptions({ tabId }));
  await attempt('set unknown tab', () => chrome.sidePanel.setOptions({ tabId: 99999, enabled: false }));
  await attempt('unknown tab options', () => chrome.sidePanel.getOptions({ tabId: 99999 }));
  await attempt('set absolute path', () => chrome.sidePanel.setOptions({ path: 'https://a.test/x.html' }));
  await attempt('options absolute', () => chrome.sidePanel.getOptions({}));
  await attempt('set missing file', () => chrome.sidePanel.setOptions({ path: 'missing.html' }));
  await attempt('options missing file', () => chrome.sidePanel.getOptions({}));
  await attempt('set back', () => chrome.sidePanel.setOptions({ path: 'panel.html' }));
  await attempt('set empty', () => chrome.sidePanel.setOptions({}));
  await attempt('setOptions without options', () => chrome.sidePanel.setOptions());
  await attempt('setOptions bad property', () => chrome.sidePanel.setOptions({ title: 'x' }));
  await attempt('reenable tab', () => chrome.sidePanel.setOptions({ tabId, enabled: true, path: 'panel.html' }));
  await attempt('behavior', () => chrome.sidePanel.getPanelBehavior());
  await attempt('set behavior empty', () => chrome.sidePanel.setPanelBehavior({}));
  await attempt('setPanelBehavior without behavior', () => chrome.sidePanel.setPanelBehavior());
  await attempt('layout', () => chrome.sidePanel.getLayout());
  await attempt('open without gesture', () => chrome.sidePanel.open({ windowId }));
  await attempt('open neither without gesture', () => chrome.sidePanel.open({}));
  await attempt('close nothing open', () => chrome.sidePanel.close({ windowId }));
  await attempt('close neither', () => chrome.sidePanel.close({}));
  await attempt('close unknown window', () => chrome.sidePanel.close({ windowId: 99999 }));
  await attempt('close unknown tab', () => chrome.sidePanel.close({ tabId: 99999 }));
  await attempt('close tab in unknown window', () => chrome.sidePanel.close({ tabId, windowId: 99999 }));
  await attempt('close tab', () => chrome.sidePanel.close({ tabId }));
  log('done', 1);
});
