// Remember the content script's tab, and tell the extension page which one it is.
let contentTab;

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message === 'ready') {
    contentTab = sender.tab.id;
    sendResponse('registered');
  } else if (message === 'which tab?') {
    sendResponse(contentTab);
  }
});
