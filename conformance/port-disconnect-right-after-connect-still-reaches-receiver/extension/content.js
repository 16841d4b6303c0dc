const port = chrome.runtime.connect({ name: 'hang up at once' });
port.postMessage('bye');
port.disconnect();
