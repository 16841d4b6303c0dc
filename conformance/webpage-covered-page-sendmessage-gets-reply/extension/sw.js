chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'onMessage', message);
});

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'onMessageExternal', message);
  console.log('@sb', 'sender keys', Object.keys(sender));
  console.log('@sb', 'sender', sender);
  sendResponse({ echo: message.n });
});
