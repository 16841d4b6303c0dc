chrome.runtime.onMessage.addListener((message) => {
  console.log('@sb', 'received', message);
  console.log('@sb', 'keys', Object.keys(message));
  console.log('@sb', 'has a, f', ['a' in message, 'f' in message]);
  console.log('@sb', 'types', [typeof message.d, message.m.constructor.name, message.u8.constructor.name]);
  console.log('@sb', 'negz is +0', Object.is(message.negz, 0));
});
