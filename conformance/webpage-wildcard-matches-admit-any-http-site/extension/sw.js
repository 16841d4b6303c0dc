chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'message', [message, sender.origin]);
  sendResponse(`hello, ${message}`);
});
