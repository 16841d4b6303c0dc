chrome.runtime.onMessage.addListener((_message, sender, sendResponse) => {
  console.log('@sb', 'sender.url', sender.url);
  console.log('@sb', 'sender.origin', sender.origin);
  console.log('@sb', 'sender.tab.url', sender.tab.url);
  sendResponse('seen');
});
