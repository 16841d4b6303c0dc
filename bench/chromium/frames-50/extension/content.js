chrome.runtime.onMessage.addListener(() => {
  // Every frame hears the message; none answers.
});
chrome.runtime.sendMessage({ ready: true });
