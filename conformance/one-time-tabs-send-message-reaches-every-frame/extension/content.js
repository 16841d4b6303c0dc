chrome.runtime.onMessage.addListener((message) => {
  // Tell the worker who got it (no reply: with three receivers, which reply wins varies).
  if (message === 'to the whole tab') chrome.runtime.sendMessage({ received: location.href });
});
chrome.runtime.sendMessage('ready');
