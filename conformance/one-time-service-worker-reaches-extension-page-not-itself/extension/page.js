chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  console.log('@sb', 'page received', message);
  sendResponse('from the page');
});

chrome.runtime.sendMessage('page ready');
