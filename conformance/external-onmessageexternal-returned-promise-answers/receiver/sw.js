chrome.runtime.onMessageExternal.addListener(async (message) => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { promised: message };
});
