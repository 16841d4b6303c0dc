chrome.action.onClicked.addListener(async (tab) => {
  console.log('@sb', 'clicked', { keys: Object.keys(tab), url: tab.url, active: tab.active, index: tab.index });
  await chrome.action.setPopup({ popup: 'popup.html', tabId: tab.id });
  console.log('@sb', 'popup set', await chrome.action.getPopup({ tabId: tab.id }));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'message', { message, sender });
  sendResponse('hello popup');
});
