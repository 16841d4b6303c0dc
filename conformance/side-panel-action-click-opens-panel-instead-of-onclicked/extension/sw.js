const log = (label, v) => console.log('@sb', label, v);
chrome.action.onClicked.addListener((tab) => log('action clicked', tab.index));
chrome.sidePanel.onOpened.addListener((info) => log('onOpened', info));
chrome.sidePanel.onClosed.addListener((info) => log('onClosed', info));
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  log('message', { message, sender });
  sendResponse('hello panel');
});
chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).then(async () => log('behavior', await chrome.sidePanel.getPanelBehavior()));
