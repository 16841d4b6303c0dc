chrome.runtime.onMessage.addListener((request, sender, sendResponse) => {
  console.log('@sb', 'request', request);
  console.log('@sb', 'sender', sender);
  if (request.greeting === 'hello') sendResponse({ farewell: 'goodbye' });
});
