// The two frames ask in no fixed order: collect both senders, then report them sorted by url.
const senders = [];

chrome.runtime.onMessage.addListener((_message, sender) => {
  senders.push(sender);
  if (senders.length < 2) return;
  senders.sort((a, b) => a.url.localeCompare(b.url));
  for (const s of senders) {
    console.log('@sb', 'sender', s);
    console.log('@sb', 'sender keys', Object.keys(s));
  }
});
