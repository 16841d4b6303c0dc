chrome.runtime.onMessage.addListener(async (message) => {
  console.log('@sb', 'received', message);
});
