chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'receiver name', port.name);
  console.log('@sb', 'receiver keys', Object.keys(port));
  console.log('@sb', 'receiver sender', port.sender);
  port.postMessage('seen');
});
