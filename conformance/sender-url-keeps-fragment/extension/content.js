chrome.runtime.sendMessage('who am I?').then((response) => console.log('@sb', 'response', response));
