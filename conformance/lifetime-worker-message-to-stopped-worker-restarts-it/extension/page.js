window.send = (message) => chrome.runtime.sendMessage(message).then((answer) => ({ answer }), (error) => ({ error: error.message }));
