chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'onConnect', port.name);
});

chrome.runtime.onConnectExternal.addListener((port) => {
  console.log('@sb', 'onConnectExternal', port.name);
  console.log('@sb', 'port keys', Object.keys(port));
  console.log('@sb', 'port sender', port.sender);
  port.onMessage.addListener((message) => {
    console.log('@sb', 'receiver got', message);
    port.postMessage({ pong: message.ping });
  });
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'receiver port disconnected', chrome.runtime.lastError);
  });
});
