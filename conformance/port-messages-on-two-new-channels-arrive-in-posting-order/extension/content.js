const a = chrome.runtime.connect({ name: 'a' });
const b = chrome.runtime.connect({ name: 'b' });
b.postMessage('b1');
a.postMessage('a1');
b.postMessage('b2');
a.postMessage('a2');
setTimeout(() => {
  a.postMessage('a3 later');
  b.postMessage('b3 later');
}, 100);
