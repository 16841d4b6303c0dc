window.arm = () => chrome.runtime.sendMessage('arm');
