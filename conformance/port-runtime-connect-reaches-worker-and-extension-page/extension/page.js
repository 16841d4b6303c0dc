chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'page onConnect', [port.name, port.sender.url]);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'page heard', msg);
    port.postMessage('page got ' + msg);
  });
});
console.log('@sb', 'page listening');
