// When the content script says it is listening, send to its tab.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready') chrome.tabs.sendMessage(sender.tab.id, 'from the worker');
});
