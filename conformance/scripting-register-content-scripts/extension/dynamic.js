console.log('@sb', 'dynamic script', [location.pathname, typeof staticVariable, typeof pageVariable, typeof chrome.runtime]);
chrome.runtime.sendMessage('from dynamic script');
