chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'received length', message.length);
  sendResponse('got it');
});
