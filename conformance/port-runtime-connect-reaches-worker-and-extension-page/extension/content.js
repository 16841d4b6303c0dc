const port = chrome.runtime.connect({ name: 'to everyone' });
const replies = [];
port.onMessage.addListener((reply) => {
  replies.push(reply);
  if (replies.length < 2) return;
  console.log('@sb', 'replies', replies.sort());
  console.log('@sb', 'done');
});
port.postMessage('hello');
