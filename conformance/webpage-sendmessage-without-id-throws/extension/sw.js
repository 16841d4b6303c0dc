chrome.runtime.onMessageExternal.addListener((message) => {
  console.log('@sb', 'onMessageExternal', message);
});
