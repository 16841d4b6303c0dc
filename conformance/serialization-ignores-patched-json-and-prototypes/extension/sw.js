const parse = JSON.parse;
JSON.parse = () => 'patched';
let setterRan = false;
Object.defineProperty(Object.prototype, 'list', {
  set() {
    setterRan = true;
  },
  configurable: true,
});
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'received', message);
  console.log('@sb', 'own and plain', [Object.getOwnPropertyNames(message), Object.getPrototypeOf(message) === Object.prototype, Array.isArray(message.list), setterRan]);
  JSON.parse = parse;
  sendResponse({ echoed: message.list.length });
});
