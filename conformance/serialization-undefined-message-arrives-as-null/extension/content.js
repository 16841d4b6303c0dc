(async () => {
  await chrome.runtime.sendMessage(undefined);
  await chrome.runtime.sendMessage(null);
  chrome.runtime.connect().postMessage(undefined);
})();
