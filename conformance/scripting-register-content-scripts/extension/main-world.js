console.log('@sb', 'main world script', [location.pathname, typeof staticVariable, typeof pageVariable, typeof chrome.runtime]);
