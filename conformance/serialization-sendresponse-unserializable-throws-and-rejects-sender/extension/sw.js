chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const cyclic = { name: 'loop' };
  cyclic.self = cyclic;
  try {
    sendResponse(cyclic);
    console.log('@sb', 'sendResponse', 'no throw');
  } catch (error) {
    console.log('@sb', 'sendResponse', [error.constructor.name, error.message]);
  }
});
