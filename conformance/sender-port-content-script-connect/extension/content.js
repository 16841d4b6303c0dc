const port = chrome.runtime.connect({ name: 'nm' });
console.log('@sb', 'port keys', Object.keys(port));
console.log('@sb', 'port.sender', typeof port.sender);
console.log('@sb', 'port.name', port.name);
port.onMessage.addListener((message) => console.log('@sb', 'message', message));
