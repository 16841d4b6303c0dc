const port = chrome.runtime.connect({ name: 'from content script' });
port.onDisconnect.addListener((p) => {
  console.log('@sb', 'onDisconnect', { lastError: chrome.runtime.lastError?.message, same: p === port });
  try {
    port.postMessage('still there?');
    console.log('@sb', 'post after disconnect', 'no throw');
  } catch (error) {
    console.log('@sb', 'post after disconnect', error.message);
  }
  const again = chrome.runtime.connect({ name: 'second' });
  again.onMessage.addListener((message) => console.log('@sb', 'reconnected', message));
  again.postMessage('again');
});
port.postMessage('hello');
