const port = chrome.runtime.connect({ name: 'last words' });
// Once the service worker has answered, the port is open at both ends.
port.onMessage.addListener(() => {
  port.postMessage('last words');
  port.disconnect();
});
