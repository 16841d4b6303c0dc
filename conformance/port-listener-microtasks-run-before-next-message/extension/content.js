const port = chrome.runtime.connect({ name: 'chain' });
port.onMessage.addListener((message) => {
  console.log('@sb', 'content script heard', message);
  Promise.resolve()
    .then(() => undefined)
    .then(() => console.log('@sb', 'content script heard', `${message}, two promises later`));
});
port.postMessage('a');
port.postMessage('b');
