chrome.runtime.sendMessage({ offscreen: surface() });
