chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  console.log('@sb', 'received', location.href);
  sendResponse(location.href);
});
chrome.runtime.sendMessage('ready');
