const log = (label, v) => console.log('@sb', label, v);
const attempt = async (label, fn) => { try { log(label, ['ok', await fn()]); } catch (e) { log(label, ['err', e.message]); } };
chrome.runtime.onMessage.addListener(async () => {
  log('keys', Object.keys(chrome.commands));
  await attempt('getAll', () => chrome.commands.getAll());
  await attempt('getAll with an argument', () => chrome.commands.getAll(1));
  await new Promise((resolve) => chrome.commands.getAll((commands) => { log('getAll callback', commands.length); resolve(); }));
  log('done', 1);
});
