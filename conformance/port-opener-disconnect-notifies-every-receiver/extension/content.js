const where = location.host + location.pathname;

chrome.runtime.onConnect.addListener((port) => {
  port.onDisconnect.addListener(() => {
    // The port is gone, so tell the service worker with a one-time message.
    chrome.runtime.sendMessage({ where, lastError: chrome.runtime.lastError?.message ?? 'none' });
  });
  port.postMessage('connected');
});

chrome.runtime.sendMessage('ready');
