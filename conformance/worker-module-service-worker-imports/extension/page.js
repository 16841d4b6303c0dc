chrome.runtime.sendMessage('page').then((answer) => console.log('@sb', 'answer', answer));
