const port = chrome.runtime.connect({ name: 'anatomy' });
console.log('@sb', 'opener name', port.name);
console.log('@sb', 'opener keys', Object.keys(port));
console.log('@sb', 'opener sender', typeof port.sender);
port.onMessage.addListener((msg) => {
  if (msg === 'seen') console.log('@sb', 'done');
});
