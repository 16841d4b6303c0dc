chrome.runtime.onMessage.addListener((message) => {
  if (message !== 'ready') return;
  const payload = { list: ['original'] };
  chrome.runtime.sendMessage({ payload });
  payload.list.push('mutated by the sender');
});
