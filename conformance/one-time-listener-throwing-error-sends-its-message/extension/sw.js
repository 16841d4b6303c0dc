chrome.runtime.onMessage.addListener(() => {
  throw new Error('sync');
});
