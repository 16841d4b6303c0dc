// Argument errors are thrown synchronously, even by calls that would return a promise.
function report(label, call) {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message, Object.keys(error)]);
  }
}

report('runtime.connect({foo: 1})', () => chrome.runtime.connect({ foo: 1 }));
report('runtime.connect({name: 1})', () => chrome.runtime.connect({ name: 1 }));
report('tabs.connect(1, {frameId: -1})', () => chrome.tabs.connect(1, { frameId: -1 }));
console.log('@sb', 'done');
