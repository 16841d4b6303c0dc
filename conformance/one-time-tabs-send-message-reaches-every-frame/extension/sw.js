// Once the content scripts of all three frames are listening, send one message to the tab.
const FRAMES = 3;
let ready = 0;
const received = [];

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready' && ++ready === FRAMES) {
    chrome.tabs.sendMessage(sender.tab.id, 'to the whole tab');
  } else if (message.received) {
    received.push(message.received);
    if (received.length === FRAMES) console.log('@sb', 'frames that received', received.sort());
  }
});
