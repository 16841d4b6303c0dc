// What a value received from the other world is, as this world sees it.
function shape(value) {
  if (value === null || typeof value !== 'object') return { type: value === null ? 'null' : typeof value, value };
  return {
    json: JSON.stringify(value),
    ownObject: value instanceof Object,
    ownPrototype: Object.getPrototypeOf(value) === Object.prototype,
    date: value.date instanceof Date ? value.date.getTime() : typeof value.date,
    map: value.map instanceof Map ? [...value.map] : typeof value.map,
    bytes: value.bytes instanceof Uint8Array ? [...value.bytes] : typeof value.bytes,
    fn: typeof value.fn,
  };
}

const sent = { from: 'content script', list: [1, { nested: true }], date: new Date(5), map: new Map([[1, 'one']]), bytes: new Uint8Array([1, 2]) };
addEventListener('message', (event) => {
  if (event.data?.from !== 'page') return;
  console.log('@sb', 'content script: message from the page', {
    shape: shape(event.data),
    origin: event.origin,
    sourceIsWindow: event.source === window,
    isTrusted: event.isTrusted,
  });
  console.log('@sb', 'content script done', true);
});
document.addEventListener('page-event', (event) => {
  const first = event.detail;
  console.log('@sb', 'content script: page-event detail', { shape: shape(first), sameEachRead: first === event.detail });
});

window.postMessage(sent, '*');
try {
  window.postMessage({ from: 'content script', fn() {} }, '*');
  console.log('@sb', 'content script: posting a function', 'no error');
} catch (error) {
  console.log('@sb', 'content script: posting a function', [error.name, error.message, error instanceof DOMException]);
}
document.dispatchEvent(new CustomEvent('content-event', { detail: sent }));
document.dispatchEvent(new CustomEvent('content-event', { detail: { from: 'content script', fn() {} } }));
document.dispatchEvent(new CustomEvent('content-event', { detail: 'a string' }));
document.dispatchEvent(new CustomEvent('content-event', { detail: document.body }));
document.dispatchEvent(new CustomEvent('content-event', { detail: window }));
// In its own world, the detail is the object itself.
let ownDetail;
document.addEventListener('own-event', (event) => { ownDetail = event.detail; }, { once: true });
document.dispatchEvent(new CustomEvent('own-event', { detail: sent }));
console.log('@sb', 'content script: own detail is the same object', ownDetail === sent);
document.dispatchEvent(new CustomEvent('content-ready'));
