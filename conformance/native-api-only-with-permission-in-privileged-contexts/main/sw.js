console.log('@sb', 'with permission', {
  connectNative: typeof chrome.runtime.connectNative,
  sendNativeMessage: typeof chrome.runtime.sendNativeMessage,
  names: [chrome.runtime.connectNative?.name, chrome.runtime.sendNativeMessage?.name],
});
