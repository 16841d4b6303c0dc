import { greet, greetUrl } from './lib/greet.js';
import { helperUrl, runs } from './lib/deeper/helper.js';

// The trace writes the extension's id as <main>.
console.log('@sb', 'import.meta.url', { worker: import.meta.url, greet: greetUrl, helper: helperUrl });
console.log('@sb', 'helper runs', runs());
console.log('@sb', 'top-level this', String(this));
console.log('@sb', 'import.meta prototype', Object.getPrototypeOf(import.meta));
import('./lib/greet.js').then(
  () => console.log('@sb', 'import()', 'resolved'),
  (error) => console.log('@sb', 'import()', `${error.name}: ${error.message}`),
);

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  sendResponse(greet(message));
});
