chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'onConnect', port.name);
});
