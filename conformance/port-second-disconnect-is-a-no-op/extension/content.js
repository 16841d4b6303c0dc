const port = chrome.runtime.connect({ name: 'hang up twice' });
port.onMessage.addListener(() => {
  console.log('@sb', 'first disconnect returns', typeof port.disconnect());
  try {
    console.log('@sb', 'second disconnect returns', typeof port.disconnect());
  } catch (error) {
    console.log('@sb', 'second disconnect threw', [error.constructor.name, error.message]);
  }
});
