chrome.runtime.onMessage.addListener((message) => {
  if (message === 'throw') throw new Error('');
  if (message === 'reject') return Promise.reject(new Error(''));
});
