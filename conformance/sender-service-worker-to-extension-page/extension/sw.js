// When the page says it is listening, send it a message.
chrome.runtime.onMessage.addListener((message) => {
  if (message === 'page ready') chrome.runtime.sendMessage('from the worker');
});
