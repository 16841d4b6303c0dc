console.log('@sb', 'top level runs');
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'heard', message);
  sendResponse(`answer to ${message}`);
});
