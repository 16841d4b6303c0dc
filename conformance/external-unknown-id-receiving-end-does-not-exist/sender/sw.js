const RECEIVER = 'iiclmblncfdohlinlmecjfpiahoefnid'; // no extension has this id here

(async () => {
  try {
    await chrome.runtime.sendMessage(RECEIVER, 'promise form');
    console.log('@sb', 'promise form', 'resolved');
  } catch (error) {
    console.log('@sb', 'promise form', error.message);
  }

  await new Promise((resolve) => {
    chrome.runtime.sendMessage(RECEIVER, 'callback form', (...args) => {
      console.log('@sb', 'callback form', [args.length, chrome.runtime.lastError.message]);
      resolve();
    });
  });

  const port = chrome.runtime.connect(RECEIVER, { name: 'denied' });
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'port disconnected', chrome.runtime.lastError.message);
    console.log('@sb', 'done');
  });
})();
