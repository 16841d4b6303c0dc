let counter = 0;
console.log('@sb', 'top level runs');
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  sendResponse(++counter);
});
