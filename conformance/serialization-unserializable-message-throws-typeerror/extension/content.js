function report(label, call) {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message, Object.keys(error)]);
  }
}

const cyclic = { name: 'loop' };
cyclic.self = cyclic;

report('cyclic', () => chrome.runtime.sendMessage(cyclic));
report('cyclic with callback', () => chrome.runtime.sendMessage(cyclic, () => {}));
report('BigInt', () => chrome.runtime.sendMessage(1n));
report('nested BigInt', () => chrome.runtime.sendMessage({ b: 1n }));
report('function', () => chrome.runtime.sendMessage(function () {}));
report('Symbol', () => chrome.runtime.sendMessage(Symbol('s')));
console.log('@sb', 'done');
