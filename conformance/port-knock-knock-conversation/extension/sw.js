chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'port name', port.name);
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', msg);
    if (msg.joke === 'Knock knock') port.postMessage({ question: "Who's there?" });
    else if (msg.answer === 'Madame') port.postMessage({ question: 'Madame who?' });
    else if (msg.answer === 'Madame... Bovary') port.postMessage({ question: "I don't get it." });
  });
});
