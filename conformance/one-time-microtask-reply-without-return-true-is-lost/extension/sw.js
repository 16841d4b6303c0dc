chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  Promise.resolve().then(() => sendResponse('from a microtask'));
});
