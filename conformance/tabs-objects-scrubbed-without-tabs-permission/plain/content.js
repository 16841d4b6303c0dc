chrome.runtime.sendMessage('look');
