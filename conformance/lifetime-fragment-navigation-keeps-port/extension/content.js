const port = chrome.runtime.connect({ name: location.pathname });
port.onMessage.addListener((msg) => {
  console.log('@sb', 'heard', msg);
  console.log('@sb', 'done');
});
port.onDisconnect.addListener(() => console.log('@sb', 'onDisconnect'));
addEventListener('hashchange', () => port.postMessage('now at ' + location.hash));
