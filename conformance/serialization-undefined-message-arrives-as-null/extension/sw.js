chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'message', [message, typeof message]);
});

chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((message) => {
    console.log('@sb', 'port message', [message, typeof message]);
  });
});
