chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'onConnect', port.name);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', msg);
    port.postMessage('still connected');
  });
  port.onDisconnect.addListener(() => console.log('@sb', 'onDisconnect'));
});
