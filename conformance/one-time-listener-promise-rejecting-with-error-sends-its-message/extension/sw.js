chrome.runtime.onMessage.addListener(() => Promise.reject(new Error('boom')));
