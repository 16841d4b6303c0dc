chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'will answer later', message);
  return true;
});
