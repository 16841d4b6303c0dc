(async () => {
  const tabId = await chrome.runtime.sendMessage('which tab?');
  const response = await chrome.tabs.sendMessage(tabId, 'from the page', { frameId: 0 });
  console.log('@sb', 'response', response);
})();
