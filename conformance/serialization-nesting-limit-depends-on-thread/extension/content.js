/* global DEPTHS, nested, depthOf */
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
