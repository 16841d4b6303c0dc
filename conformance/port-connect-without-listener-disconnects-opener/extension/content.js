const port = chrome.runtime.connect({ name: 'hello?' });
port.onDisconnect.addListener((arg) => {
  console.log('@sb', 'argument is the port', arg === port);
  console.log('@sb', 'lastError', chrome.runtime.lastError?.message);
  console.log('@sb', 'done');
});
