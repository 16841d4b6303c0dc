window.talk = (name) => new Promise((resolve) => {
  const port = chrome.runtime.connect({ name });
  const heard = [];
  port.onMessage.addListener((message) => {
    heard.push(message);
    if (heard.length === 2) {
      port.disconnect();
      resolve(heard);
    }
  });
  port.postMessage('one');
  port.postMessage('two');
});
