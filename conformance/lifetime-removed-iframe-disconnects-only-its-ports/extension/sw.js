const ports = [];
const answers = [];

chrome.runtime.onConnect.addListener((port) => {
  ports.push(port);
  port.onMessage.addListener(() => {
    answers.push(port.name);
    if (answers.length < 2) return;
    console.log('@sb', 'still connected', answers.sort());
    console.log('@sb', 'done');
  });
  port.onDisconnect.addListener(() => {
    console.log('@sb', 'onDisconnect', [port.name, chrome.runtime.lastError?.message ?? 'no lastError']);
    for (const other of ports) if (other !== port) other.postMessage('are you there?');
  });
  if (ports.length === 3) {
    console.log('@sb', 'connected', ports.map((p) => p.name).sort());
    ports.find((p) => p.name === 'a.test/index.html').postMessage('ask the page to remove the first iframe');
  }
});
