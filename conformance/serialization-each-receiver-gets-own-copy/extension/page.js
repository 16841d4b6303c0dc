chrome.runtime.onMessage.addListener((message) => {
  if (!message.payload) return;
  // Report a copy: the report is read after this listener has mutated its message.
  console.log('@sb', 'received', [...message.payload.list]);
  message.payload.list.push('mutated by the page');
});

// Once the frame has loaded too, ask the service worker to send to both.
window.addEventListener('load', () => chrome.runtime.sendMessage('ready'));
