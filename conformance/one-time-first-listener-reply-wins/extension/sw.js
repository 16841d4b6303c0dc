chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  sendResponse('first listener');
});
chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  const result = sendResponse('second listener');
  console.log('@sb', 'second sendResponse returned', typeof result);
});
