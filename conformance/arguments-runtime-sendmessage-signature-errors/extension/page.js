// Argument errors are thrown synchronously, even by calls that would return a promise.
function report(label, call) {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message, Object.keys(error)]);
  }
}

report('no arguments', () => chrome.runtime.sendMessage());
report('five arguments', () => chrome.runtime.sendMessage(1, 2, 3, 4, 5));
report('unknown option', () => chrome.runtime.sendMessage('abcdefghijklmnopabcdefghijklmnop', 'x', { foo: 1 }));
console.log('@sb', 'done');
