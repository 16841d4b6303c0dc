console.log('@sb', 'content script manifest', [chrome.runtime.getManifest().name, chrome.runtime.getVersion(), typeof chrome.runtime.getContexts, typeof chrome.runtime.onInstalled]);
