let loads = 0;

chrome.runtime.onConnect.addListener((port) => {
  loads += 1;
  console.log('@sb', 'onConnect', [port.name, 'content script runs so far', loads]);
  port.onMessage.addListener((msg) => console.log('@sb', 'heard', msg));
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'onDisconnect', [port.name, chrome.runtime.lastError?.message ?? 'no lastError']);
  });
});
