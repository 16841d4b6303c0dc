const port = chrome.runtime.connectNative('com.switchboard.echo');
console.log('@sb', 'port', { name: port.name, sender: typeof port.sender, keys: Object.keys(port) });
let replies = 0;
port.onMessage.addListener((message, from) => {
  console.log('@sb', 'reply', [message, from === port]);
  replies += 1;
  if (replies === 3) {
    port.disconnect();
    console.log('@sb', 'done', true);
  }
});
port.onDisconnect.addListener(() => console.log('@sb', 'disconnected', chrome.runtime.lastError?.message));
// Posted before the host runs: queued, delivered in order.
port.postMessage({ text: 'hello' });
port.postMessage('second');
port.postMessage(undefined);
