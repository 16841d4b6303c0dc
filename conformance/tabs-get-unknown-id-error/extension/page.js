async function report(label, call) {
  try {
    const value = await call();
    console.log('@sb', label, value === undefined ? 'resolved' : typeof value === 'string' ? value : typeof value);
  } catch (error) {
    console.log('@sb', label, `${error.constructor.name}: ${error.message}`);
  }
}

(async () => {
  const me = await chrome.tabs.getCurrent();
  await report('get 99', () => chrome.tabs.get(99));
  await report('get -1', () => chrome.tabs.get(-1));
  await report('update 99', () => chrome.tabs.update(99, { active: true }));
  await report('reload 99', () => chrome.tabs.reload(99));
  await report('remove 99', () => chrome.tabs.remove(99));
  // The tabs listed before the unknown id are closed all the same.
  const spare = await chrome.tabs.create({ url: 'about:blank', active: false });
  await report('remove [spare, 99]', () => chrome.tabs.remove([spare.id, 99]));
  await report('spare closed', () => chrome.tabs.get(spare.id).then(() => 'open', () => 'closed'));
  await report('remove "x"', () => chrome.tabs.remove('x'));
  await report('create in window 99', () => chrome.tabs.create({ url: 'about:blank', windowId: 99 }));
  await report('create with opener 99', () => chrome.tabs.create({ url: 'about:blank', openerTabId: 99 }));
  await report('create http://', () => chrome.tabs.create({ url: 'http://' }));
  await report('update http://', () => chrome.tabs.update(me.id, { url: 'http://' }));
  // A new tab has one history entry: nowhere to go back or forward to.
  const fresh = await chrome.tabs.create({ url: 'about:blank', active: false });
  while ((await chrome.tabs.get(fresh.id)).status !== 'complete') await new Promise((resolve) => setTimeout(resolve, 20));
  await report('goForward', () => chrome.tabs.goForward(fresh.id));
  await report('goBack', () => chrome.tabs.goBack(fresh.id));
  await chrome.tabs.remove(fresh.id);
  await report('duplicate 99', () => chrome.tabs.duplicate(99));
  await report('windows.get 99', () => chrome.windows.get(99));
  await report('windows.remove 99', () => chrome.windows.remove(99));
  await report('windows.update 99', () => chrome.windows.update(99, { focused: true }));
  await report('windows.get -3', () => chrome.windows.get(-3));
  await new Promise((resolve) => chrome.tabs.get(99, (tab) => {
    console.log('@sb', 'callback', { args: tab === undefined ? 'none' : typeof tab, lastError: chrome.runtime.lastError?.message });
    resolve();
  }));
  console.log('@sb', 'done', true);
})();
