chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'connect', port.name);
  port.onMessage.addListener((message) => {
    console.log('@sb', 'received', [port.name, message]);
  });
});
