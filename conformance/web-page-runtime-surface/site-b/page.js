console.log('@sb', 'chrome', typeof chrome);
console.log('@sb', 'chrome.runtime', typeof chrome.runtime);
console.log('@sb', 'browser', typeof browser);
console.log('@sb', 'uncovered');
