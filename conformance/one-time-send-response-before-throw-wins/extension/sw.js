chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse('replied');
  throw new Error('after replying');
});
