// When the content script is listening, send it two requests, one in each call form, and report
// both outcomes together (they fail at the same moment, in no fixed order).
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready') ask(sender.tab.id);
});

async function ask(tabId) {
  const promiseForm = chrome.tabs.sendMessage(tabId, 'promise form', { frameId: 0 }).then(
    (response) => ({ resolved: response }),
    (error) => ({ rejected: error.message }),
  );
  const callbackForm = new Promise((done) => {
    chrome.tabs.sendMessage(tabId, 'callback form', { frameId: 0 }, function (response) {
      done({ arguments: arguments.length, response, lastError: chrome.runtime.lastError?.message });
    });
  });
  const [promise, callback] = await Promise.all([promiseForm, callbackForm]);
  console.log('@sb', 'promise form', promise);
  console.log('@sb', 'callback form', callback);
}
