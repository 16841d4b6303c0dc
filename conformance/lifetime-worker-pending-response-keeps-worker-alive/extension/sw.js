console.log('@sb', 'top level runs');
chrome.runtime.onConnect.addListener((port) => console.log('@sb', 'port', port.name));
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'asked', message);
  setTimeout(() => sendResponse(`late answer to ${message}`), 35_000);
  return true;
});
