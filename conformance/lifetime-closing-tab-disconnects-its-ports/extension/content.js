// The port is named after the page that opened it.
const port = chrome.runtime.connect({ name: location.pathname });
port.onMessage.addListener((msg) => port.postMessage('still here: ' + msg));
