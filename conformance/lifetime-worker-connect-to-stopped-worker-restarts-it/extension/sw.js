console.log('@sb', 'top level runs');
chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'connection', port.name);
  port.onMessage.addListener((message) => {
    console.log('@sb', 'port message', message);
    port.postMessage(`echo ${message}`);
  });
});
