// Neither listener may fire: the sender is not admitted.
chrome.runtime.onMessageExternal.addListener((message) => {
  console.log('@sb', 'onMessageExternal', message);
});
chrome.runtime.onConnectExternal.addListener((port) => {
  console.log('@sb', 'onConnectExternal', port.name);
});
