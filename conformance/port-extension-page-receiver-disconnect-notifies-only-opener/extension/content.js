const port = chrome.runtime.connect({ name: 'to everyone' });
port.onDisconnect.addListener(async () => {
  console.log('@sb', 'opener onDisconnect, lastError', chrome.runtime.lastError?.message);
  console.log('@sb', 'sw receiver', await chrome.runtime.sendMessage('was your port closed?'));
  console.log('@sb', 'done');
});
port.onMessage.addListener((msg) => console.log('@sb', 'opener heard', msg));
port.postMessage('hello');
