chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'from', [sender.url, sender.frameId === 0]);
  sendResponse('hello, frame');
});
