/* global DEPTHS, nested, depthOf */
importScripts('nesting.js');
const received = [];
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message !== 'your turn') {
    received.push([Array.isArray(message) ? 'array' : 'object', depthOf(message)]);
    return;
  }
  console.log('@sb', 'service worker received', received);
  const outcomes = [];
  for (const kind of ['array', 'object']) {
    for (const depth of DEPTHS) {
      try {
        chrome.tabs.sendMessage(sender.tab.id, nested(kind, depth)).catch(() => {});
        outcomes.push([kind, depth, 'sent']);
      } catch (error) {
        outcomes.push([kind, depth, error.message.slice(-28)]);
      }
    }
  }
  chrome.tabs.sendMessage(sender.tab.id, 'done').catch(() => {});
  console.log('@sb', 'service worker sends', outcomes);
});
