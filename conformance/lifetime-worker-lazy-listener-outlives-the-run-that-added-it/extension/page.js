window.send = (message) => chrome.runtime.sendMessage(message);
window.change = (value) => chrome.storage.local.set({ value }).then(() => `set ${value}`);
