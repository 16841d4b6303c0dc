chrome.runtime.onMessage.addListener((_message, sender, sendResponse) => {
  console.log('@sb', 'sender', sender);
  console.log('@sb', 'sender keys', Object.keys(sender));
  sendResponse('seen');
});
chrome.runtime.sendMessage('ready').then((response) => console.log('@sb', 'ready', response));
