window.ask = () => {
  chrome.runtime.sendMessage('promise form').then(
    (answer) => console.log('@sb', 'promise', { answer }),
    (error) => console.log('@sb', 'promise', { error: error.message }),
  );
  chrome.runtime.sendMessage('callback form', (answer) => {
    console.log('@sb', 'callback', { answer, lastError: chrome.runtime.lastError?.message });
  });
  return 'sent';
};
