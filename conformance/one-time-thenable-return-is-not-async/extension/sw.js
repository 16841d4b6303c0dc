chrome.runtime.onMessage.addListener(() => {
  return { then: (resolve) => resolve('from a thenable') };
});
