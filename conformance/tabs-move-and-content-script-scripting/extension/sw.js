const log = (label, value) => console.log('@sb', label, value);
const attempt = async (label, fn) => { try { const r = await fn(); log(label, ['ok', r]); } catch (e) { log(label, ['err', e.message]); } };
let started = false;
chrome.tabs.onUpdated.addListener(async () => {
  const tabs = await chrome.tabs.query({ url: 'http://a.test/*' });
  if (started || tabs.length < 2 || tabs.some((t) => t.status !== 'complete')) return;
  started = true;
  const [a, b] = tabs;
  chrome.tabs.onMoved.addListener((tabId, info) => log('onMoved', [tabId === a.id ? 'a' : 'b', info.fromIndex, info.toIndex]));
  await attempt('move a to end', async () => { const t = await chrome.tabs.move(a.id, { index: -1 }); return [t.index, Array.isArray(t)]; });
  await attempt('move list', async () => { const t = await chrome.tabs.move([a.id, b.id], { index: 0 }); return t.map((x) => x.index); });
  await attempt('move bad tab', () => chrome.tabs.move(9999, { index: 0 }));
  await attempt('move no index', () => chrome.tabs.move(a.id, {}));
  await attempt('move bad window', () => chrome.tabs.move(a.id, { index: 0, windowId: 9999 }));
  log('done', 1);
});
