chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'onMessageExternal', message);
  sendResponse('one-time only');
});
