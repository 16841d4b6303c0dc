// Answer with the MessageSender and its keys, for the page to report.
chrome.runtime.onMessage.addListener((_message, sender, sendResponse) => {
  sendResponse({ sender, senderKeys: Object.keys(sender), tabKeys: Object.keys(sender.tab) });
});
