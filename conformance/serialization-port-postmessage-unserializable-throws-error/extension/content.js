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

const port = chrome.runtime.connect({ name: 'p' });
report('cyclic', () => port.postMessage(cyclic));
report('BigInt', () => port.postMessage(1n));
report('Symbol', () => port.postMessage(Symbol('s')));
port.postMessage('still open');
