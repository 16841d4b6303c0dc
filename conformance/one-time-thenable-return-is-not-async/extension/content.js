// Ask the service worker twice: once awaiting the promise, once with a callback.
(async () => {
  try {
    const response = await chrome.runtime.sendMessage('question');
    console.log('@sb', 'promise resolved', { type: typeof response, response });
  } catch (error) {
    console.log('@sb', 'promise rejected', error.message);
  }
  chrome.runtime.sendMessage('question', function (response) {
    console.log('@sb', 'callback', { arguments: arguments.length, response, lastError: chrome.runtime.lastError?.message });
    console.log('@sb', 'done');
  });
})();
