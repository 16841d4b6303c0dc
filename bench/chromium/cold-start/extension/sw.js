chrome.runtime.onMessage.addListener((request, sender, sendResponse) => {
  sendResponse({ farewell: 'goodbye' });
});
