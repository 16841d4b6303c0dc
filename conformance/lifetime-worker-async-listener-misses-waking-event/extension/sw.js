console.log('@sb', 'top level runs');
setTimeout(() => {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    console.log('@sb', 'heard', message);
    sendResponse(`answer to ${message}`);
  });
  console.log('@sb', 'listener added');
}, 200);
