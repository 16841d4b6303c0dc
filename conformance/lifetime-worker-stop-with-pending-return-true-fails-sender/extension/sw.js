/* eslint-disable @typescript-eslint/no-unused-vars -- the listener's signature as extensions write it */
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'will answer later', message);
  return true;
});
