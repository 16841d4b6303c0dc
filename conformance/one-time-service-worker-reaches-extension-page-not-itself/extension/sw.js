// The worker listens too, but its own broadcast must not reach it.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  console.log('@sb', 'worker received', message);
  if (message === 'page ready') {
    sendResponse('ok');
    broadcast();
  }
});

async function broadcast() {
  const response = await chrome.runtime.sendMessage('from the worker');
  console.log('@sb', 'response', response);
}
