// Asked to, the worker calls an extension API every 10 s, four times, and records each call in
// session storage (which a stop keeps): no event reaches it meanwhile.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message === 'start') {
    let calls = 0;
    const timer = setInterval(() => {
      calls++;
      chrome.storage.session.set({ calls });
      if (calls === 4) clearInterval(timer);
    }, 10_000);
    sendResponse('started');
  } else if (message === 'how many calls?') {
    chrome.storage.session.get('calls').then(({ calls }) => sendResponse({ calls }));
    return true;
  }
});
