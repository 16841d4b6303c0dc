chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'onConnect', port.name);
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'onDisconnect', [port.name, chrome.runtime.lastError?.message ?? 'no lastError']);
  });
});
