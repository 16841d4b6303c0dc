console.log('@sb', 'content script runs');
const port = chrome.runtime.connect({ name: 'outlives its extension' });
port.onDisconnect.addListener(() => {
  console.log('@sb', 'onDisconnect', chrome.runtime.lastError?.message ?? 'no lastError');
});
