chrome.runtime.onMessage.addListener((_message, sender) => {
  console.log('@sb', 'sender', sender);
  console.log('@sb', 'sender keys', Object.keys(sender));
});
chrome.runtime.sendMessage('ready');
