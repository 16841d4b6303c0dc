chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'delivered', message);
});
