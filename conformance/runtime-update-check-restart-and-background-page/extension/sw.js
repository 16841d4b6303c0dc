const log = (l, v) => console.log('@sb', l, v);
const attempt = async (label, fn) => { try { const r = await fn(); log(label, ['ok', r === undefined ? 'undefined' : r]); } catch (e) { log(label, ['err', e.message]); } };
(async () => {
  await attempt('requestUpdateCheck', () => chrome.runtime.requestUpdateCheck());
  await attempt('restart', () => chrome.runtime.restart());
  await attempt('restartAfterDelay', () => chrome.runtime.restartAfterDelay(10));
  await attempt('restartAfterDelay -1', () => chrome.runtime.restartAfterDelay(-1));
  await attempt('restart cb', () => new Promise((resolve) => chrome.runtime.restart(() => resolve(chrome.runtime.lastError?.message ?? 'no error'))));
  log('onConnectNative', [typeof chrome.runtime.onConnectNative, typeof chrome.runtime.onConnectNative.addListener]);
  log('done', 1);
})();
