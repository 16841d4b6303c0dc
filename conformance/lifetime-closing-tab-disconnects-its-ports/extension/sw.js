const ports = [];

chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'onConnect', port.name);
  ports.push(port);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', [port.name, msg]);
    console.log('@sb', 'done');
  });
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'onDisconnect', [port.name, chrome.runtime.lastError?.message ?? 'no lastError']);
    // Ask every remaining port: only the other tab's should answer.
    for (const other of ports) if (other !== port) other.postMessage('are you there?');
  });
});
