console.log('@sb', 'content permissions', typeof chrome.permissions);
console.log('@sb', 'content done', true);
