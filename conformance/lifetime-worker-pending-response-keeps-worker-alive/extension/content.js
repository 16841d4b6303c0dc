// An open port without messages does not keep the worker alive: its disconnect tells when the worker stopped.
const port = chrome.runtime.connect({ name: 'watch' });
let ticks = 0;
const timer = setInterval(() => ticks++, 7_000);
port.onDisconnect.addListener(() => {
  clearInterval(timer);
  console.log('@sb', 'worker stopped after ticks', ticks);
});
chrome.runtime.sendMessage('slow question').then(
  (answer) => console.log('@sb', 'answer', answer),
  (error) => console.log('@sb', 'answer failed', error.message),
);
