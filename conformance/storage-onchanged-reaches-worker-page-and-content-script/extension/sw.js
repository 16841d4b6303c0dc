const report = (label, value) => console.log('@sb', label, value);
chrome.storage.local.onChanged.addListener((changes) => report('local.onChanged', changes));
chrome.storage.onChanged.addListener((changes, area) => report('onChanged', [area, changes]));

const listening = new Set();
chrome.runtime.onMessage.addListener((message) => {
  listening.add(message);
  if (listening.size === 2) writes();
});

async function write(label, promise) {
  await promise;
  report('settled', label);
}

async function writes() {
  const local = chrome.storage.local;
  await write('set x y', local.set({ y: { p: 1, q: [1, 2] }, x: 1, z: 0 }));
  await write('set equal', local.set({ y: { q: [1, 2], p: 1 }, x: 1, z: -0 }));
  await write('set x only', local.set({ x: 2, y: { q: [1, 2], p: 1 } }));
  await write('set empty', local.set({}));
  await write('set undefined', local.set({ x: undefined }));
  await write('remove missing', local.remove('missing'));
  await write('remove x and missing', local.remove(['x', 'missing']));
  await write('clear', local.clear());
  await write('clear empty', local.clear());
  await write('sync set', chrome.storage.sync.set({ s: 'v' }));
  await write('sync remove', chrome.storage.sync.remove('s'));
  report('writes done', true);
}
