const port = chrome.runtime.connect({ name: 'short call' });
port.onMessage.addListener(() => {
  port.disconnect();
  try {
    port.postMessage('too late');
    console.log('@sb', 'post after disconnect', 'no throw');
  } catch (error) {
    console.log('@sb', 'post after disconnect', [error.constructor.name, error.message, Object.keys(error)]);
  }
});
