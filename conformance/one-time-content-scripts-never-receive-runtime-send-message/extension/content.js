chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'content script received', message);
});
console.log('@sb', 'listening');

// The b.test page's content script sends; the a.test tab's content script listens.
if (location.host === 'b.test') {
  chrome.runtime.sendMessage('anyone?').then(
    (response) => console.log('@sb', 'resolved', response),
    (error) => console.log('@sb', 'rejected', error.message),
  ).then(() => console.log('@sb', 'done'));
}
