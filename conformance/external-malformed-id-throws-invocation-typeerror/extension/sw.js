function report(label, call) {
  try {
    const result = call();
    console.log('@sb', label, ['no throw', typeof result]);
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message, Object.keys(error)]);
  }
}

report('sendMessage', () => chrome.runtime.sendMessage('hello', { a: 1 }));
report('sendMessage with callback', () => chrome.runtime.sendMessage('hello', { a: 1 }, () => {}));
report('connect', () => chrome.runtime.connect('hello'));
console.log('@sb', 'done');
