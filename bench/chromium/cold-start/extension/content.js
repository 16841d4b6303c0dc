chrome.runtime.sendMessage({ greeting: 'hello', from: 'content script', n: 1 }).then((answer) => {
  console.log('@sb', 'result', answer);
});
