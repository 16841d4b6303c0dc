window.count = () => chrome.runtime.sendMessage('count');
