chrome.runtime.onMessage.addListener((_message, _sender, sendResponse) => {
  setTimeout(() => {
    const result = sendResponse('late reply');
    console.log('@sb', 'late sendResponse returned', typeof result);
  }, 50);
  return 1;
});
