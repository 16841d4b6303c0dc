chrome.runtime.onConnect.addListener((port) => port.disconnect());
