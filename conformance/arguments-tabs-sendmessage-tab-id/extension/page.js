// Argument errors are thrown synchronously, even by calls that would return a promise.
function report(label, call) {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message, Object.keys(error)]);
  }
}

report('tab -1', () => chrome.tabs.sendMessage(-1, 'x'));
report('tab 1.5', () => chrome.tabs.sendMessage(1.5, 'x'));
report("tab '1'", () => chrome.tabs.sendMessage('1', 'x'));
console.log('@sb', 'done');
