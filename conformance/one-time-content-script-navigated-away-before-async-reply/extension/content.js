// Promise a reply and never give it: the tab navigates away first.
chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'holding', message);
  return true;
});
chrome.runtime.sendMessage('ready');
