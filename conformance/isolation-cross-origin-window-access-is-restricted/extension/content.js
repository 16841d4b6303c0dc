// In the cross-origin subframe: the page above it, from the content script's world.
const attempt = (fn) => { try { const v = fn(); return v; } catch (error) { return [error.name, error.message]; } };
const outcome = {};
for (const key of ['document', 'pageSecret', 'location.href', 'keys']) {
  outcome[key] = attempt(() => (key === 'keys' ? Object.getOwnPropertyNames(parent) : key === 'location.href' ? parent.location.href : parent[key]));
}
outcome.parentIsTop = parent === top;
outcome.prototype = attempt(() => Object.getPrototypeOf(parent));
console.log('@sb', 'content script in b.test frame: parent', outcome);
parent.postMessage({ from: 'content script in b.test' }, '*');
