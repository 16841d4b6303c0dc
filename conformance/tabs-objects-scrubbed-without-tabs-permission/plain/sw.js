// The content script in b.test asks; the worker reports what it may see of the two tabs.
const sites = (tabs) => tabs.filter((tab) => tab.index >= 0).map((tab) => ({ keys: Object.keys(tab), url: tab.url, title: tab.title }));
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  (async () => {
    const all = await chrome.tabs.query({});
    console.log('@sb', 'query all', sites(all));
    console.log('@sb', 'get sender tab', sites([await chrome.tabs.get(sender.tab.id)]));
    console.log('@sb', 'query url', (await chrome.tabs.query({ url: '*://*.test/*' })).map((tab) => tab.url));
    console.log('@sb', 'query title', (await chrome.tabs.query({ title: '*' })).map((tab) => tab.title));
    console.log('@sb', 'sender tab is unscrubbed', typeof sender.tab.url);
    console.log('@sb', 'done', true);
    sendResponse(true);
  })();
  return true;
});
