// Once the content scripts of all three frames are listening, send to frame 0 only.
const FRAMES = 3;
let ready = 0;

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready' && ++ready === FRAMES) sendToMainFrame(sender.tab.id);
});

async function sendToMainFrame(tabId) {
  const response = await chrome.tabs.sendMessage(tabId, 'main frame only', { frameId: 0 });
  console.log('@sb', 'response', response);
}
