const brief = (tab) => ({ url: tab.url, pendingUrl: tab.pendingUrl, title: tab.title, status: tab.status, active: tab.active, index: tab.index });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function complete(tabId) {
  for (let i = 0; i < 100; i++) {
    if ((await chrome.tabs.get(tabId)).status === 'complete') return;
    await sleep(20);
  }
}

(async () => {
  await chrome.runtime.sendMessage('start');
  const created = await chrome.tabs.create({ url: 'http://a.test/index.html', active: false });
  console.log('@sb', 'created', brief(created));
  await complete(created.id);
  await sleep(100);
  const updated = await chrome.tabs.update(created.id, { url: 'http://b.test/index.html' });
  console.log('@sb', 'updated', brief(updated));
  await complete(created.id);
  await sleep(100);
  const activated = await chrome.tabs.update(created.id, { active: true });
  console.log('@sb', 'activated', brief(activated));
  await sleep(100);
  await chrome.tabs.reload(created.id);
  await complete(created.id);
  await sleep(100);
  await chrome.tabs.remove(created.id);
  await sleep(100);
  const [me] = await chrome.tabs.query({ url: location.href });
  console.log('@sb', 'page active again', me.active);
  console.log('@sb', 'done', true);
})();
