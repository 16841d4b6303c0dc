let port;
let notified = false;

chrome.runtime.onConnect.addListener((p) => {
  port = p;
  port.onMessage.addListener((msg) => console.log('@sb', 'sw heard', msg));
  port.onDisconnect.addListener(() => {
    notified = true;
    console.log('@sb', 'sw onDisconnect');
  });
});

// Asked by the content script once its port was closed.
chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  let post;
  try {
    port.postMessage('anyone there?');
    post = 'no throw';
  } catch (error) {
    post = error.message;
  }
  sendResponse({ notified, post });
});
