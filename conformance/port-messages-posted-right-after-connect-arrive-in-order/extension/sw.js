chrome.runtime.onConnect.addListener((port) => {
  port.onMessage.addListener((msg) => {
    console.log('@sb', 'heard', msg);
    if (msg === 'end') console.log('@sb', 'done');
  });
});
