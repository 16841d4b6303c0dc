// Neither listener may fire: no extension id is upper case.
chrome.runtime.onMessageExternal.addListener((message) => {
  console.log('@sb', 'onMessageExternal', message);
});
chrome.runtime.onConnectExternal.addListener((port) => {
  console.log('@sb', 'onConnectExternal', port.name);
});
