chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  setTimeout(() => sendResponse('late reply'), 50);
  return true;
});
