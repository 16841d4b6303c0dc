chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'received', message);
  // No sendResponse, no return true.
});
