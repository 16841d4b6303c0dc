// The port is named after the page that opened it.
chrome.runtime.connect({ name: location.pathname });
