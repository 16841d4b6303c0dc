chrome.runtime.onMessage.addListener((m, s, r) => { r({ from: 'offscreen', m, url: location.href }); });
