// The port is named after the page that opened it; the service worker counts the connections.
chrome.runtime.connect({ name: location.pathname });
