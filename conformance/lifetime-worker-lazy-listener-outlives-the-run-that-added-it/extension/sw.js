// The top level never listens to storage.onChanged: only a message asks for the listener.
console.log('@sb', 'top level runs');
const heard = (changes) => console.log('@sb', 'change heard', changes.value.newValue);
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message === 'listen') chrome.storage.onChanged.addListener(heard);
  if (message === 'unlisten') chrome.storage.onChanged.removeListener(heard);
  sendResponse(`${message}: ${chrome.storage.onChanged.hasListeners() ? 'listening' : 'not listening'}`);
});
