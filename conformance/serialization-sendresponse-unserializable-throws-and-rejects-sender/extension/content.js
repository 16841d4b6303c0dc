(async () => {
  try {
    const reply = await chrome.runtime.sendMessage('promise form');
    console.log('@sb', 'promise form', ['resolved', reply]);
  } catch (error) {
    console.log('@sb', 'promise form', [error.constructor.name, error.message]);
  }
  chrome.runtime.sendMessage('callback form', (...args) => {
    console.log('@sb', 'callback form', [args.length, chrome.runtime.lastError.message]);
    console.log('@sb', 'done');
  });
})();
