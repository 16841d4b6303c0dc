console.log('@sb', 'content script', {
  connectNative: typeof chrome.runtime.connectNative,
  sendNativeMessage: typeof chrome.runtime.sendNativeMessage,
  inRuntime: 'connectNative' in chrome.runtime,
});
