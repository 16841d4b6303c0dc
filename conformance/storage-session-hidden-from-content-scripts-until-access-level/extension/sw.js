chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const session = chrome.storage.session;
  if (message === 'open up') {
    session.set({ before: 1 })
      .then(() => session.setAccessLevel({ accessLevel: chrome.storage.AccessLevel.TRUSTED_AND_UNTRUSTED_CONTEXTS }))
      .then(() => session.set({ before: 2 }))
      .then(() => sendResponse('ok'));
    return true;
  }
  if (message === 'close again') {
    session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
      .then(() => session.set({ before: 3 }))
      .then(() => sendResponse('ok'));
    return true;
  }
  sendResponse('ok');
});
