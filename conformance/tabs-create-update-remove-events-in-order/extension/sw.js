// Reports the events of the tabs the page creates (on a.test or b.test) once the page says so.
let watching = false;
const tracked = new Set();
const brief = (tab) => ({ url: tab.url, pendingUrl: tab.pendingUrl, title: tab.title, status: tab.status, active: tab.active, highlighted: tab.highlighted, index: tab.index });
const isSite = (url) => /^http:\/\/[ab]\.test\//.test(url ?? '');

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message === 'start') watching = true;
  sendResponse(true);
});
chrome.tabs.onCreated.addListener((tab) => {
  if (!watching || !(isSite(tab.url) || isSite(tab.pendingUrl))) return;
  tracked.add(tab.id);
  console.log('@sb', 'onCreated', { keys: Object.keys(tab), ...brief(tab) });
});
chrome.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (tracked.has(tabId)) console.log('@sb', 'onUpdated', { changeInfo, tab: brief(tab) });
});
chrome.tabs.onActivated.addListener((activeInfo) => {
  if (watching) console.log('@sb', 'onActivated', { tracked: tracked.has(activeInfo.tabId), keys: Object.keys(activeInfo) });
});
chrome.tabs.onHighlighted.addListener((highlightInfo) => {
  if (watching) console.log('@sb', 'onHighlighted', { tracked: highlightInfo.tabIds.map((id) => tracked.has(id)), keys: Object.keys(highlightInfo) });
});
chrome.tabs.onRemoved.addListener((tabId, removeInfo) => {
  if (tracked.has(tabId)) console.log('@sb', 'onRemoved', { keys: Object.keys(removeInfo), isWindowClosing: removeInfo.isWindowClosing, windowIdIsNumber: typeof removeInfo.windowId });
});
