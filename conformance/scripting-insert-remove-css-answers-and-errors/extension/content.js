chrome.runtime.sendMessage('ready');
