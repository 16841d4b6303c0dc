chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'port.sender', port.sender);
  console.log('@sb', 'port keys', Object.keys(port));
  console.log('@sb', 'port.name', port.name);
  port.postMessage('welcome');
});
