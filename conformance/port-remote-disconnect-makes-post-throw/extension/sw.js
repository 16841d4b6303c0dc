chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', msg);
    port.disconnect();
  });
  port.onDisconnect.addListener(() => console.log('@sb', 'receiver onDisconnect'));
});
