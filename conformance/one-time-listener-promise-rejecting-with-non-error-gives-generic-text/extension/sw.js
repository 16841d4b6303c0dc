chrome.runtime.onMessage.addListener(() => Promise.reject('a plain string'));
