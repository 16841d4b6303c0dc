function watch(name, post) {
  return new Promise((resolve) => {
    const port = chrome.runtime.connectNative(name);
    const seen = [];
    port.onMessage.addListener((message) => seen.push(message));
    port.onDisconnect.addListener(() => {
      let postAfter;
      try {
        port.postMessage('after');
        postAfter = 'no throw';
      } catch (error) {
        postAfter = error.message;
      }
      resolve({ seen, lastError: chrome.runtime.lastError?.message, postAfter });
    });
    if (post) port.postMessage(post);
  });
}
(async () => {
  for (const [name, post] of [['com.switchboard.exit_at_once'], ['com.switchboard.crash'], ['com.switchboard.bye', { hi: 1 }]]) {
    console.log('@sb', `connectNative ${name}`, await watch(name, post));
  }
  const outcome = await chrome.runtime.sendNativeMessage('com.switchboard.exit_at_once', { q: 1 }).then(
    (answer) => ({ answer }),
    (error) => ({ error: error.message }),
  );
  console.log('@sb', 'sendNativeMessage to a host that exits at once', outcome);
  chrome.runtime.sendNativeMessage('com.switchboard.crash', { q: 2 }, (...args) => {
    console.log('@sb', 'sendNativeMessage to a crashing host', { args, lastError: chrome.runtime.lastError?.message });
    console.log('@sb', 'done', true);
  });
})();
