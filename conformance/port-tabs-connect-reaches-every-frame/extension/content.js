const where = location.host + location.pathname;

chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((msg) => {
    port.postMessage({ where, name: port.name, sender: port.sender, got: msg });
  });
});

// Tell the service worker this frame is listening.
chrome.runtime.sendMessage('ready');
