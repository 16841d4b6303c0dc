const attempt = (label, call) => {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message]);
  }
};

const port = chrome.runtime.connect({ name: 'outlives its extension' });
console.log('@sb', 'id before', typeof chrome.runtime.id);

// The port closing is how this content script learns its extension went away; the context itself
// is invalidated a moment later, when chrome.runtime.id stops reading as the extension's id.
port.onDisconnect.addListener(() => {
  const poll = setInterval(() => {
    if (chrome.runtime.id !== undefined) return;
    clearInterval(poll);
    console.log('@sb', 'id after', typeof chrome.runtime.id);
    console.log('@sb', 'still there', [typeof chrome.runtime, typeof chrome.runtime.sendMessage]);
    attempt('sendMessage', () => chrome.runtime.sendMessage('hello?'));
    attempt('connect', () => chrome.runtime.connect());
    attempt('getURL', () => chrome.runtime.getURL('page.html'));
    attempt('old port postMessage', () => port.postMessage('hello?'));
    console.log('@sb', 'done');
  }, 20);
});
