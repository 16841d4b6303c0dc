chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => {
    console.log('@sb', 'received', [port.name, message]);
  });
});
