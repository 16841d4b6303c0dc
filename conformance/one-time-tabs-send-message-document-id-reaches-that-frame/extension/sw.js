// Remember the cross-origin frame's documentId from its "ready" message; once all three frames
// are listening, send to that document only.
const FRAMES = 3;
let ready = 0;
let crossOriginDocument;

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message !== 'ready') return;
  if (sender.origin === 'http://b.test') crossOriginDocument = sender.documentId;
  if (++ready === FRAMES) sendToDocument(sender.tab.id, crossOriginDocument);
});

async function sendToDocument(tabId, documentId) {
  const response = await chrome.tabs.sendMessage(tabId, 'that document only', { documentId });
  console.log('@sb', 'response', response);
}
