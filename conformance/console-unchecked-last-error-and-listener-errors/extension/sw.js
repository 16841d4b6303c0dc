// The worker answers nothing; once the content script is ready it asks it to throw, twice.
async function askToThrow(tabId) {
  for (const kind of ['an Error', 'a string']) {
    const reply = await chrome.tabs.sendMessage(tabId, kind).catch((error) => error.message);
    console.log('@sb', `reply to ${kind}`, reply);
  }
  chrome.tabs.sendMessage(tabId, 'finish');
}

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready') askToThrow(sender.tab.id);
});
