// Only the two subframes ask.
if (window !== window.top) chrome.runtime.sendMessage('who am I?');
