chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'onMessageExternal', [message, sender.id]);
  sendResponse('admitted');
});
