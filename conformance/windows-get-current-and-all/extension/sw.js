// Reports the events of the popup window the page opens, and of its tab.
let popup;
let popupTab;
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  popup = message.windowId;
  popupTab = message.tabId;
  sendResponse(true);
});
chrome.tabs.onRemoved.addListener((tabId, removeInfo) => {
  if (tabId === popupTab) console.log('@sb', 'tabs.onRemoved', { isWindowClosing: removeInfo.isWindowClosing, sameWindow: removeInfo.windowId === popup });
});
chrome.windows.onRemoved.addListener((windowId) => {
  if (windowId === popup) console.log('@sb', 'windows.onRemoved', 'the popup');
});
chrome.windows.onCreated.addListener((window) => {
  console.log('@sb', 'windows.onCreated', { keys: Object.keys(window), type: window.type, state: window.state, incognito: window.incognito });
});
