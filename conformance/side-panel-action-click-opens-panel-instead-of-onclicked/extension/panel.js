console.log('@sb', 'panel opened', location.pathname);
chrome.runtime.sendMessage({ from: 'panel' }).then((answer) => console.log('@sb', 'answer', answer));
