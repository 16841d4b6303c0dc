const originals = { stringify: JSON.stringify, keys: Object.keys, iterator: Array.prototype[Symbol.iterator], call: Function.prototype.call };
JSON.stringify = () => '"patched"';
Object.keys = () => [];
Array.prototype[Symbol.iterator] = function* () {};
Function.prototype.call = function () {
  return 'patched';
};
chrome.runtime.sendMessage({ list: [1, 2, { deep: true }], when: new Date(0), text: 'plain' }, (reply) => {
  // Put everything back before reporting: the harness reads reports with the page's own globals.
  Function.prototype.call = originals.call;
  Array.prototype[Symbol.iterator] = originals.iterator;
  Object.keys = originals.keys;
  JSON.stringify = originals.stringify;
  console.log('@sb', 'reply', reply);
});
