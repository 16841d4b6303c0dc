const port = chrome.runtime.connect({ name: 'hung up on' });
const tryPost = (label) => {
  try {
    port.postMessage('hello?');
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message]);
  }
};
port.onDisconnect.addListener(() => {
  console.log('@sb', 'onDisconnect, lastError', chrome.runtime.lastError?.message);
  tryPost('post inside onDisconnect');
  setTimeout(() => {
    tryPost('post later');
    console.log('@sb', 'done');
  }, 50);
});
port.postMessage('hi');
