chrome.runtime.onConnect.addListener((p) => console.log('@sb', 'page onConnect', p.name));
const port = chrome.runtime.connect({ name: 'from page' });
port.onDisconnect.addListener(() => {
  console.log('@sb', 'onDisconnect', { lastError: chrome.runtime.lastError?.message, name: port.name });
});
port.postMessage('hello');
