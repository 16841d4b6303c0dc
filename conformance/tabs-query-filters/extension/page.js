// Each query reports the URLs of what it found, relative to the sites (the page itself as "page").
const name = (tab) => (tab.url === location.href ? 'page' : tab.url);
async function report(label, queryInfo) {
  try {
    console.log('@sb', label, (await chrome.tabs.query(queryInfo)).map(name));
  } catch (error) {
    console.log('@sb', label, `error: ${error.message}`);
  }
}

(async () => {
  await report('everything', {});
  await report('active', { active: true });
  await report('inactive', { active: false });
  await report('highlighted', { highlighted: true });
  await report('current window, active', { currentWindow: true, active: true });
  await report('not the current window', { currentWindow: false });
  await report('last focused window', { lastFocusedWindow: true });
  await report('WINDOW_ID_CURRENT', { windowId: chrome.windows.WINDOW_ID_CURRENT });
  await report('normal windows', { windowType: 'normal' });
  await report('popup windows', { windowType: 'popup' });
  await report('index 1', { index: 1 });
  await report('pinned', { pinned: true });
  await report('not muted', { muted: false });
  await report('url a.test', { url: 'http://a.test/*' });
  await report('url list', { url: ['http://b.test/*', 'http://a.test/*'] });
  await report('url any test host', { url: '*://*.test/*' });
  await report('title glob', { title: 'Ban*' });
  await report('title exact', { title: 'Apple page' });
  await report('a.test complete', { url: 'http://a.test/*', status: 'complete' });
  await report('invalid url pattern', { url: 'nope' });
  try {
    await chrome.tabs.query({ status: 'done' });
  } catch (error) {
    console.log('@sb', 'invalid status', error.message);
  }
  console.log('@sb', 'done', true);
})();
