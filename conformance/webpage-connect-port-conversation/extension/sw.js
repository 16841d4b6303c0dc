chrome.runtime.onConnectExternal.addListener((port) => {
  console.log('@sb', 'onConnectExternal', port.name);
  console.log('@sb', 'port sender keys', Object.keys(port.sender));
  console.log('@sb', 'port sender url', port.sender.url);
  port.onMessage.addListener((message) => {
    console.log('@sb', 'extension got', message);
    port.postMessage({ answer: message.question * 2 });
  });
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'disconnected', chrome.runtime.lastError);
  });
});
