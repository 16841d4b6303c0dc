chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  console.log('@sb', 'received', message);
  sendResponse('main frame');
});
chrome.runtime.sendMessage('ready');
