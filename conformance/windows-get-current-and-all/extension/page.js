const shape = (window) => ({ keys: Object.keys(window), type: window.type, state: window.state, incognito: window.incognito, alwaysOnTop: window.alwaysOnTop });

(async () => {
  const me = await chrome.tabs.getCurrent();
  const current = await chrome.windows.getCurrent();
  console.log('@sb', 'getCurrent', { ...shape(current), isMyWindow: current.id === me.windowId });
  const lastFocused = await chrome.windows.getLastFocused();
  console.log('@sb', 'getLastFocused is current', lastFocused.id === current.id);
  const got = await chrome.windows.get(chrome.windows.WINDOW_ID_CURRENT, { populate: true });
  console.log('@sb', 'get WINDOW_ID_CURRENT populated', { ...shape(got), tabs: got.tabs.map((tab) => tab.url === location.href) });
  const all = await chrome.windows.getAll({ populate: true });
  console.log('@sb', 'getAll', all.map((window) => ({ isMine: window.id === me.windowId, tabs: window.tabs.length })));
  const created = await chrome.windows.create({ url: 'http://a.test/index.html', type: 'popup' });
  console.log('@sb', 'created', { ...shape(created), tabs: created.tabs.map((tab) => ({ url: tab.url, pendingUrl: tab.pendingUrl, index: tab.index, active: tab.active, sameWindow: tab.windowId === created.id })) });
  await chrome.runtime.sendMessage({ windowId: created.id, tabId: created.tabs[0].id });
  const popups = await chrome.windows.getAll({ windowTypes: ['popup'] });
  console.log('@sb', 'getAll popups', popups.map((window) => window.id === created.id));
  console.log('@sb', 'getAll default', (await chrome.windows.getAll()).map((window) => window.type));
  const [popupTab] = await chrome.tabs.query({ windowId: created.id });
  console.log('@sb', 'popup tab windowType query', (await chrome.tabs.query({ windowType: 'popup' })).map((tab) => tab.id === popupTab.id));
  const minimized = await chrome.windows.update(current.id, { state: 'minimized' });
  console.log('@sb', 'minimized', minimized.state);
  const normal = await chrome.windows.update(current.id, { state: 'normal' });
  console.log('@sb', 'normal again', normal.state);
  await chrome.windows.remove(created.id);
  console.log('@sb', 'windows after remove', (await chrome.windows.getAll()).map((window) => window.id === current.id));
  console.log('@sb', 'done', true);
})();
