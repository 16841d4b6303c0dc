const RECEIVER = 'ehnmaddfejcleaombcjdgbllmpengnbn';

const port = chrome.runtime.connect(RECEIVER, { name: 'chat' });
port.onMessage.addListener((message) => {
  console.log('@sb', 'sender got', message);
  console.log('@sb', 'opener port sender', port.sender);
  port.disconnect();
});
port.postMessage({ ping: 1 });
