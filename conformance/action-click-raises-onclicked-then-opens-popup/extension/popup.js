console.log('@sb', 'popup opened', location.pathname);
(async () => {
  console.log('@sb', 'answer', await chrome.runtime.sendMessage({ from: 'popup' }));
  console.log('@sb', 'getCurrent', String(await chrome.tabs.getCurrent()));
  const [worker] = await chrome.runtime.getContexts({ contextTypes: ['POPUP'] });
  console.log('@sb', 'popup context', { contextType: worker.contextType, tabId: worker.tabId, windowId: worker.windowId, frameId: worker.frameId });
  const tabs = await chrome.tabs.query({ active: true, currentWindow: true });
  console.log('@sb', "popup's tabs", tabs.map((tab) => ({ index: tab.index, hasUrl: 'url' in tab })));
})();
