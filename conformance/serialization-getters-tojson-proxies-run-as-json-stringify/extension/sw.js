let setterRan = false;
Object.defineProperty(Object.prototype, 'x', {
  set() {
    setterRan = true;
  },
  configurable: true,
});
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  console.log('@sb', 'received', message);
  console.log('@sb', 'keys', Object.keys(message));
  const own = message.own;
  console.log('@sb', 'own __proto__', [Object.keys(own), Object.getPrototypeOf(own) === Object.prototype, Object.getOwnPropertyDescriptor(own, 'x')?.value, setterRan]);
  console.log('@sb', 'prototypes', [Object.getPrototypeOf(message) === Object.prototype, Array.isArray(message.list), Object.getPrototypeOf(message.list) === Array.prototype]);
  console.log('@sb', 'sendResponse', [typeof sendResponse, sendResponse.name, sendResponse.length, 'prototype' in sendResponse, Object.getOwnPropertyNames(sendResponse).sort()]);
  sendResponse('done');
});
