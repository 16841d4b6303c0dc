// When the content script is listening, send to a frame the tab does not have, in both call forms.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready') sendToMissingFrame(sender.tab.id);
});

async function sendToMissingFrame(tabId) {
  try {
    const response = await chrome.tabs.sendMessage(tabId, 'hello?', { frameId: 99999 });
    console.log('@sb', 'promise resolved', response);
  } catch (error) {
    console.log('@sb', 'promise rejected', error.message);
  }
  chrome.tabs.sendMessage(tabId, 'hello?', { frameId: 99999 }, function (response) {
    console.log('@sb', 'callback', { arguments: arguments.length, response, lastError: chrome.runtime.lastError?.message });
    console.log('@sb', 'done');
  });
}
