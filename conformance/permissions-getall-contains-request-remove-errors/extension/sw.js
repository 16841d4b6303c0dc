const report = (label, value) => console.log('@sb', label, value);
const settle = async (label, run) => {
  try {
    report(label, await run());
  } catch (error) {
    report(label, `error ${error.message}`);
  }
};
const withCallback = (label, fn, ...args) =>
  new Promise((resolve) => {
    try {
      fn(...args, (value) => {
        report(label, [value, chrome.runtime.lastError?.message]);
        resolve();
      });
    } catch (error) {
      report(label, `threw ${error.message}`);
      resolve();
    }
  });

(async () => {
  report('keys', Object.keys(chrome.permissions));
  report('events', [typeof chrome.permissions.onAdded.addListener, typeof chrome.permissions.onRemoved.addListener]);
  await settle('getAll', () => chrome.permissions.getAll());
  await settle('contains granted', () => chrome.permissions.contains({ permissions: ['tabs', 'storage'] }));
  await settle('contains optional', () => chrome.permissions.contains({ permissions: ['bookmarks'] }));
  await settle('contains origin', () => chrome.permissions.contains({ origins: ['http://b.test/'] }));
  await settle('contains origin pattern', () => chrome.permissions.contains({ origins: ['http://b.test/*'] }));
  await settle('contains subdomain', () => chrome.permissions.contains({ origins: ['https://www.example.com/x'] }));
  await settle('contains content script match', () => chrome.permissions.contains({ origins: ['http://a.test/*'] }));
  await settle('contains optional origin', () => chrome.permissions.contains({ origins: ['http://c.test/*'] }));
  await settle('contains empty', () => chrome.permissions.contains({}));
  await settle('contains unknown permission', () => chrome.permissions.contains({ permissions: ['nope'] }));
  await settle('contains bad origin', () => chrome.permissions.contains({ origins: ['not a pattern'] }));
  await settle('contains host permission as permission', () => chrome.permissions.contains({ permissions: ['http://b.test/*'] }));
  await settle('request', () => chrome.permissions.request({ permissions: ['bookmarks'] }));
  await settle('request undeclared', () => chrome.permissions.request({ permissions: ['history'] }));
  await settle('request origin', () => chrome.permissions.request({ origins: ['http://c.test/*'] }));
  await settle('remove required', () => chrome.permissions.remove({ permissions: ['tabs'] }));
  await settle('remove required origin', () => chrome.permissions.remove({ origins: ['http://b.test/*'] }));
  await settle('remove undeclared', () => chrome.permissions.remove({ permissions: ['history'] }));
  await settle('remove undeclared origin', () => chrome.permissions.remove({ origins: ['http://d.test/*'] }));
  await settle('remove optional not granted', () => chrome.permissions.remove({ permissions: ['bookmarks'] }));
  await settle('remove optional origin not granted', () => chrome.permissions.remove({ origins: ['http://c.test/*'] }));
  await settle('remove unknown', () => chrome.permissions.remove({ permissions: ['nope'] }));
  await settle('remove empty', () => chrome.permissions.remove({}));
  await withCallback('contains callback', chrome.permissions.contains, { permissions: ['alarms'] });
  await withCallback('contains callback error', chrome.permissions.contains, { permissions: ['nope'] });
  await withCallback('getAll callback', chrome.permissions.getAll);
  for (const [label, run] of [
    ['contains no argument', () => chrome.permissions.contains()],
    ['contains string', () => chrome.permissions.contains('tabs')],
    ['contains extra property', () => chrome.permissions.contains({ nope: [] })],
    ['contains permissions not array', () => chrome.permissions.contains({ permissions: 'tabs' })],
    ['getAll argument', () => chrome.permissions.getAll(1)],
  ]) {
    try {
      run();
      report(label, 'no throw');
    } catch (error) {
      report(label, `threw ${error.message}`);
    }
  }
  await settle('addHostAccessRequest', () => chrome.permissions.addHostAccessRequest({}));
  await settle('addHostAccessRequest tab', () => chrome.permissions.addHostAccessRequest({ tabId: 12345 }));
  await settle('addHostAccessRequest document', () => chrome.permissions.addHostAccessRequest({ documentId: 'nope' }));
  await settle('removeHostAccessRequest', () => chrome.permissions.removeHostAccessRequest({}));
  await settle('removeHostAccessRequest tab', () => chrome.permissions.removeHostAccessRequest({ tabId: 12345 }));
  report('sw done', true);
})();
