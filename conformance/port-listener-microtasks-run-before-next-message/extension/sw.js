chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => {
    console.log('@sb', 'service worker heard', message);
    Promise.resolve()
      .then(() => undefined)
      .then(() => {
        console.log('@sb', 'service worker heard', `${message}, two promises later`);
        queueMicrotask(() => console.log('@sb', 'service worker heard', `${message}, a microtask after that`));
      });
    port.postMessage(`${message}!`);
  });
});
