const where = location.host + location.pathname;
let port;
let notified = false;

chrome.runtime.onConnect.addListener((p) => {
  port = p;
  port.onDisconnect.addListener(() => {
    notified = true;
    console.log('@sb', 'receiver onDisconnect', where);
  });
  // The main frame hangs up as soon as it hears from the opener; the iframes keep their ports.
  port.onMessage.addListener(() => {
    if (location.pathname === '/index.html') port.disconnect();
  });
});

// Asked by the service worker afterwards: does posting on this frame's port still work?
chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (msg !== 'post on your port') return;
  let post;
  try {
    post = port.postMessage('anyone there?') === undefined ? 'no throw' : 'returned a value';
  } catch (error) {
    post = error.message;
  }
  sendResponse({ where, notified, post });
});

chrome.runtime.sendMessage('ready');
