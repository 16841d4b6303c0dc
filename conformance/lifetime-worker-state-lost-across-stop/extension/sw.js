let counter = 0;
console.log('@sb', 'top level', { counter, remembered: typeof globalThis.remembered });
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  counter++;
  const before = globalThis.remembered;
  globalThis.remembered = `set at ${counter}`;
  chrome.storage.session.get('total').then(({ total = 0 }) => {
    chrome.storage.session.set({ total: total + 1 }).then(() => sendResponse({ counter, before, total: total + 1 }));
  });
  return true;
});
