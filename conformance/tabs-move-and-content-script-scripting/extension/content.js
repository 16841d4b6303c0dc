console.log('@sb', 'cs scripting', [Object.keys(chrome.scripting), JSON.stringify(chrome.scripting.globalParams), typeof chrome.scripting.globalParams, chrome.scripting.ExecutionWorld, chrome.scripting.StyleOrigin]);
chrome.scripting.globalParams.x = 1;
console.log('@sb', 'cs globalParams after set', JSON.stringify(chrome.scripting.globalParams));
