// The worker listens but never answers 'nobody', so each callback runs with lastError set.
chrome.runtime.sendMessage('nobody', () => {
  console.log('@sb', 'callback without reading lastError');
  chrome.runtime.sendMessage('nobody', () => {
    console.log('@sb', 'callback reading lastError', chrome.runtime.lastError.message);
    const port = chrome.runtime.connect({ name: 'nobody listens' });
    port.onDisconnect.addListener(() => {
      console.log('@sb', 'onDisconnect without reading lastError');
      chrome.runtime.sendMessage('ready');
    });
  });
});

chrome.runtime.onMessage.addListener((message) => {
  if (message === 'an Error') throw new Error('thrown by a listener');
  if (message === 'a string') throw 'a thrown string';
  if (message === 'finish') console.log('@sb', 'done');
});
