// Each frame opens a port named after its page.
const port = chrome.runtime.connect({ name: location.host + location.pathname });
port.onMessage.addListener((msg) => {
  // The page's own script does the removal; the content script only asks for it.
  if (msg === 'ask the page to remove the first iframe') window.postMessage('remove the first iframe', '*');
  else port.postMessage('still here');
});
