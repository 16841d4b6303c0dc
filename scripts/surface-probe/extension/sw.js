/* global surface */
importScripts('probe.js');
console.log('@sb', 'sw', surface());
// An offscreen document has a chrome of its own: it reports it through the worker.
chrome.runtime.onMessage.addListener((message) => {
  if (message?.offscreen) console.log('@sb', 'offscreen', message.offscreen);
});
chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'probe' });
