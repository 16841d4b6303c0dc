chrome.runtime.onMessage.addListener(() => {
  return new Promise((resolve) => setTimeout(() => resolve('promised value'), 50));
});
