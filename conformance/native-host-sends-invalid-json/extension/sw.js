const kinds = ['invalid-json', 'empty', 'invalid-utf8-in-string', 'invalid-utf8-outside', 'bom'];
const port = chrome.runtime.connectNative('com.switchboard.bad_bytes');
port.onMessage.addListener((message) => {
  console.log('@sb', 'port message', message);
  if (message.ok === 'last') next();
});
port.onDisconnect.addListener(() => console.log('@sb', 'port disconnected', chrome.runtime.lastError?.message));
for (const send of kinds) port.postMessage({ send });
port.postMessage({ send: 'last' });

async function next() {
  for (const send of kinds) {
    const outcome = await new Promise((resolve) => {
      chrome.runtime.sendNativeMessage('com.switchboard.bad_bytes', { send }, (...args) => {
        resolve({ args, lastError: chrome.runtime.lastError?.message });
      });
    });
    console.log('@sb', `sendNativeMessage ${send}`, outcome);
  }
  const promised = await chrome.runtime.sendNativeMessage('com.switchboard.bad_bytes', { send: 'invalid-json' }).then(
    (answer) => ({ answer }),
    (error) => ({ error: error.message }),
  );
  console.log('@sb', 'sendNativeMessage invalid-json (promise)', promised);
  port.disconnect();
  console.log('@sb', 'done', true);
}
