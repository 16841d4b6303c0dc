const ready = () => chrome.runtime.sendMessage('ready');
if (document.readyState === 'complete') ready();
else window.addEventListener('load', ready);
