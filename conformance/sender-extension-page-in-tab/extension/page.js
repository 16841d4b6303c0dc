(async () => {
  const seen = await chrome.runtime.sendMessage('who am I?');
  console.log('@sb', 'sender', seen.sender);
  console.log('@sb', 'sender keys', seen.senderKeys);
  console.log('@sb', 'tab keys', seen.tabKeys);
})();
