// The service worker: answers the greeting, tells the knock-knock joke, and opens URLs for the editor page.
chrome.runtime.onMessage.addListener((request, sender, sendResponse) => {
  console.log('@sb', 'got request', { request, from: sender.tab ? `content script in ${sender.tab.url}` : 'the extension' });
  if (request.greeting === 'hello') sendResponse({ farewell: 'goodbye' });
});

chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'connection', port.name);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'port message', msg);
    if (msg.joke === 'Knock knock') port.postMessage({ question: "Who's there?" });
    else if (msg.answer === 'Madame') port.postMessage({ question: 'Madame who?' });
    else if (msg.answer === 'Madame... Bovary') port.postMessage({ question: "I don't get it." });
  });
});

chrome.runtime.onMessageExternal.addListener((request, sender, sendResponse) => {
  console.log('@sb', 'external request', { request, from: sender.url });
  sendResponse({ success: Boolean(request.openUrlInEditor) });
});
