chrome.runtime.onConnect.addListener((port) => {
  let disconnects = 0;
  port.onDisconnect.addListener(() => {
    disconnects += 1;
    console.log('@sb', 'onDisconnect', disconnects);
    // A second onDisconnect would be reported after this, before the run goes quiet.
    setTimeout(() => console.log('@sb', 'done'), 200);
  });
  port.postMessage('hello');
});
