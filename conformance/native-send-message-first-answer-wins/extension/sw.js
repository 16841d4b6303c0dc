(async () => {
  const answer = await chrome.runtime.sendNativeMessage('com.switchboard.twice', { question: 'promise?' });
  console.log('@sb', 'promise answer', answer);
  const returned = chrome.runtime.sendNativeMessage('com.switchboard.twice', { question: 'callback?' }, function (...args) {
    console.log('@sb', 'callback', { args, lastError: chrome.runtime.lastError?.message });
    console.log('@sb', 'done', true);
  });
  console.log('@sb', 'returned with a callback', typeof returned);
})();
