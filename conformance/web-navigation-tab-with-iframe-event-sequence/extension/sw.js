// Only http pages: the harness opens Chromium's tabs on about:blank first.
const HTTP = { url: [{ schemes: ['http'] }] };
for (const name of ['onBeforeNavigate', 'onCommitted', 'onDOMContentLoaded', 'onCompleted', 'onErrorOccurred', 'onReferenceFragmentUpdated', 'onHistoryStateUpdated']) {
  chrome.webNavigation[name].addListener((details) => {
    const { timeStamp, processId, ...rest } = details;
    console.log('@sb', name, { ...rest, keys: Object.keys(details), timeStamp: typeof timeStamp, processId: processId > 0 ? "positive" : processId });
  }, HTTP);
}
chrome.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (changeInfo.status && tab.url.startsWith('http:')) console.log('@sb', `tab ${changeInfo.status}`, tab.url);
});

self.frames = async () => {
  const [tab] = await chrome.tabs.query({ url: 'http://a.test/*' });
  const frames = await chrome.webNavigation.getAllFrames({ tabId: tab.id });
  return frames.map(({ processId, ...frame }) => ({ ...frame, keys: Object.keys(frame), processId: typeof processId }));
};
console.log('@sb', 'ready', Object.keys(chrome.webNavigation));
