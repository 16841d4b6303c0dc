// Injects a function whose promise settles 35 s later: executeScript answers only then.
self.injectSlowly = async () => {
  const [tab] = await chrome.tabs.query({});
  chrome.scripting
    .executeScript({ target: { tabId: tab.id }, func: () => new Promise((resolve) => setTimeout(() => resolve('late'), 35_000)) })
    .then((results) => chrome.storage.session.set({ answered: results.map((frame) => frame.result) }));
  return 'injecting';
};
