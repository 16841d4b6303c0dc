console.log('@sb', 'top level runs');
chrome.runtime.onConnect.addListener((port) => {
  console.log('@sb', 'connection', port.name);
  port.onMessage.addListener((message) => {
    console.log('@sb', 'sw heard', message);
    if (message === 'again') port.postMessage('welcome back');
  });
});
