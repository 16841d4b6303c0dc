const BATCH = 1000;
chrome.runtime.onConnect.addListener((port) => {
  let received = 0;
  port.onMessage.addListener(() => {
    if (++received === BATCH) {
      received = 0;
      port.postMessage('batch received');
    }
  });
});
