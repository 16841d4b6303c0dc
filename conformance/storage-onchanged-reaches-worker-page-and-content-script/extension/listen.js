// Shared by the extension page and the content script: report every change, then say so.
const where = location.protocol === 'chrome-extension:' ? 'page' : 'content script';
chrome.storage.local.onChanged.addListener((changes) => console.log('@sb', `${where}: local.onChanged`, changes));
chrome.storage.sync.onChanged.addListener((changes) => console.log('@sb', `${where}: sync.onChanged`, changes));
chrome.storage.onChanged.addListener((changes, area) => console.log('@sb', `${where}: onChanged`, [area, changes]));
chrome.runtime.sendMessage(`${where} listening`);
