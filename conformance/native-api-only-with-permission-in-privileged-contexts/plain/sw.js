console.log('@sb', 'without permission', {
  connectNative: typeof chrome.runtime.connectNative,
  sendNativeMessage: typeof chrome.runtime.sendNativeMessage,
  inRuntime: 'connectNative' in chrome.runtime || 'sendNativeMessage' in chrome.runtime,
});
