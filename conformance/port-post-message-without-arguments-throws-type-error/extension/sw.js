chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', msg);
    if (msg === 'last') console.log('@sb', 'done');
  });
});
