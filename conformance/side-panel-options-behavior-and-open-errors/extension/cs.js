chrome.runtime.sendMessage('go');
