let counter = 0;
console.log('@sb', 'top level', { counter, remembered: typeof globalThis.remembered });
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  counter++;
  const before = globalThis.remembered;
  globalThis.remembered = `set at ${counter}`;
  sendResponse({ counter, before });
});
