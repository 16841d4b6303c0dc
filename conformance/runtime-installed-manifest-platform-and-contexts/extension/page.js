chrome.runtime.sendMessage('page ready').then((answer) => console.log('@sb', 'answer', answer));
