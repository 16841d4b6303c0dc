const DEPTHS = [1000, 2000, 3000, 4000, 6000, 10000];
const nested = (kind, depth) => {
  let value = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};
const depthOf = (value) => {
  let depth = 0;
  for (let v = value; typeof v === 'object' && v !== null; v = Array.isArray(v) ? v[0] : v.a) depth++;
  return depth - 1;
};
const outcomes = [];
for (const kind of ['array', 'object']) {
  for (const depth of DEPTHS) {
    try {
      chrome.runtime.sendMessage(nested(kind, depth)).catch(() => {});
      outcomes.push([kind, depth, 'sent']);
    } catch (error) {
      outcomes.push([kind, depth, error.message.slice(-28)]);
    }
  }
}
console.log('@sb', 'content script sends', outcomes);
const received = [];
chrome.runtime.onMessage.addListener((message) => {
  if (message === 'done') console.log('@sb', 'content script received', received);
  else received.push([Array.isArray(message) ? 'array' : 'object', depthOf(message)]);
});
chrome.runtime.sendMessage('your turn');
