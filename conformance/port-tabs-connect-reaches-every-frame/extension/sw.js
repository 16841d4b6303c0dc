// Once all three frames are listening, connect to the tab and count the replies.
let ready = 0;
chrome.runtime.onMessage.addListener((msg, sender) => {
  if (msg !== 'ready' || ++ready < 3) return;
  const port = chrome.tabs.connect(sender.tab.id, { name: 'to-every-frame' });
  const replies = [];
  port.onMessage.addListener((reply) => {
    replies.push(reply);
    if (replies.length < 3) return;
    replies.sort((x, y) => x.where.localeCompare(y.where));
    for (const r of replies) console.log('@sb', 'reply', r);
    console.log('@sb', 'replies', replies.length);
    console.log('@sb', 'done');
  });
  port.postMessage('hello-all');
});
