chrome.runtime.onMessage.addListener(() => {
  throw 'a plain string';
});
