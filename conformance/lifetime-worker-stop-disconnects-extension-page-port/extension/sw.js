chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => console.log('@sb', 'sw heard', message));
  port.onDisconnect.addListener(() => console.log('@sb', 'sw onDisconnect'));
});
