const port = chrome.runtime.connect({ name: 'empty' });
try {
  port.postMessage();
  console.log('@sb', 'postMessage()', 'no throw');
} catch (error) {
  console.log('@sb', 'postMessage()', [error.constructor.name, error.message]);
}
port.postMessage(undefined);
port.postMessage('last');
