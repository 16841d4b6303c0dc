chrome.runtime.onMessage.addListener((_message, sender, sendResponse) => {
  console.log('@sb', 'sender', sender);
  console.log('@sb', 'sender keys', Object.keys(sender));
  console.log('@sb', 'tab keys', Object.keys(sender.tab));
  sendResponse('seen');
});
