const log = (l, v) => console.log('@sb', l, v);
(async () => {
  try { log('getBackgroundPage', String(await chrome.runtime.getBackgroundPage())); } catch (e) { log('getBackgroundPage', ['err', e.message]); }
  try { chrome.runtime.getBackgroundPage((p) => log('getBackgroundPage cb', [String(p), chrome.runtime.lastError?.message ?? 'none'])); } catch (e) { log('getBackgroundPage cb', ['err', e.message]); }

  setTimeout(() => log('page done', 1), 300);
})();
