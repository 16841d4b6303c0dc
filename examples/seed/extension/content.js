// The content script: greets the service worker, then tells it a joke over a port.
(async () => {
  const response = await chrome.runtime.sendMessage({ greeting: 'hello' });
  console.log('@sb', 'greeting answered', response);

  const port = chrome.runtime.connect({ name: 'knockknock' });
  port.postMessage({ joke: 'Knock knock' });
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'port message', msg);
    if (msg.question === "Who's there?") port.postMessage({ answer: 'Madame' });
    else if (msg.question === 'Madame who?') port.postMessage({ answer: 'Madame... Bovary' });
    else console.log('@sb', 'punchline', msg.question);
  });
})();
