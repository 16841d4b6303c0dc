const port = chrome.runtime.connect({ name: 'burst' });
for (let i = 1; i <= 5; i++) port.postMessage({ n: i });
port.postMessage('end');
