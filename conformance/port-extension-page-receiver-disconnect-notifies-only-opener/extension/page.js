chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'page heard', msg);
    port.disconnect();
  });
});
console.log('@sb', 'page listening');
