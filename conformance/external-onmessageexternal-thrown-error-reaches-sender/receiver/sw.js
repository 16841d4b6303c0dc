chrome.runtime.onMessageExternal.addListener((message) => {
  throw new TypeError(`cannot handle ${message}`);
});
