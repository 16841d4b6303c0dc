const port = chrome.runtime.connect({ name: 'knockknock' });
port.postMessage({ joke: 'Knock knock' });
port.onMessage.addListener((msg) => {
  console.log('@sb', 'heard', msg);
  if (msg.question === "Who's there?") port.postMessage({ answer: 'Madame' });
  else if (msg.question === 'Madame who?') port.postMessage({ answer: 'Madame... Bovary' });
  else console.log('@sb', 'punchline', msg.question);
});
