const a = chrome.runtime.connect({ name: 'a' });
const b = chrome.runtime.connect({ name: 'b' });
const kinds = Object.entries(Object.getOwnPropertyDescriptors(a)).map(([key, d]) => [key, 'value' in d ? typeof d.value : 'accessor', d.enumerable, d.configurable, 'writable' in d ? d.writable : null]);
console.log('@sb', 'descriptors', kinds);
console.log('@sb', 'shared', [a.postMessage === b.postMessage, a.disconnect === b.disconnect, a.onMessage === a.onMessage, a.onMessage === b.onMessage]);
console.log('@sb', 'functions', [a.postMessage.name, a.postMessage.length, 'prototype' in a.postMessage, a.disconnect.name, a.disconnect.length]);
console.log('@sb', 'prototype', [Object.getOwnPropertyNames(Object.getPrototypeOf(a)), Object.getPrototypeOf(a).constructor.name]);
const detached = a.postMessage;
try {
  detached('detached');
  console.log('@sb', 'detached call', 'no error');
} catch (error) {
  console.log('@sb', 'detached call', [error.constructor.name, error.message, Object.keys(error), error instanceof TypeError]);
}
try {
  a.disconnect.call(undefined);
  console.log('@sb', 'detached disconnect', 'no error');
} catch (error) {
  console.log('@sb', 'detached disconnect', [error.constructor.name, error.message]);
}
try {
  a.postMessage.call(b, "a's postMessage called on b");
  console.log('@sb', 'called on the other port', 'no error');
} catch (error) {
  console.log('@sb', 'called on the other port', [error.constructor.name, error.message]);
}
try {
  a.postMessage.call({}, 'on a plain object');
  console.log('@sb', 'called on a plain object', 'no error');
} catch (error) {
  console.log('@sb', 'called on a plain object', [error.constructor.name, error.message]);
}
