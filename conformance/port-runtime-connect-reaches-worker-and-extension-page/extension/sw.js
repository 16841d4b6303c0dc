chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'sw onConnect', [port.name, port.sender.url]);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'sw heard', msg);
    port.postMessage('sw got ' + msg);
  });
});
