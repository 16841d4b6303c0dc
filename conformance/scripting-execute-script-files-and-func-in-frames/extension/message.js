// The last expression is a promise: executeScript awaits it, so its result is the worker's answer.
chrome.runtime.sendMessage({ injected: location.pathname });
