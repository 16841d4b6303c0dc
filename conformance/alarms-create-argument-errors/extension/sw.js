const throws = (label, call) => {
  try {
    call();
    console.log('@sb', label, 'no throw');
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message]);
  }
};
const rejects = async (label, promise) => {
  try {
    console.log('@sb', label, ['resolved', String(await promise)]);
  } catch (error) {
    console.log('@sb', label, [error.constructor.name, error.message]);
  }
};

(async () => {
  throws('no alarmInfo', () => chrome.alarms.create('a'));
  throws('nothing', () => chrome.alarms.create());
  throws('null alarmInfo', () => chrome.alarms.create('a', null));
  throws('number name', () => chrome.alarms.create(1, { delayInMinutes: 1 }));
  throws('string delay', () => chrome.alarms.create('a', { delayInMinutes: '1' }));
  throws('string when', () => chrome.alarms.create('a', { when: '5' }));
  throws('boolean period', () => chrome.alarms.create('a', { periodInMinutes: true }));
  throws('NaN delay', () => chrome.alarms.create('a', { delayInMinutes: NaN }));
  throws('Infinity when', () => chrome.alarms.create('a', { when: Infinity }));
  throws('-Infinity period', () => chrome.alarms.create('a', { periodInMinutes: -Infinity }));
  throws('unknown property', () => chrome.alarms.create('a', { delayInMinutes: 1, foo: 1 }));
  throws('number persist', () => chrome.alarms.create('a', { delayInMinutes: 1, persistAcrossSessions: 1 }));
  throws('get number', () => chrome.alarms.get(1));
  throws('clear number', () => chrome.alarms.clear(1));
  throws('getAll string', () => chrome.alarms.getAll('a'));
  throws('clearAll string', () => chrome.alarms.clearAll('a'));
  await rejects('name both ways', chrome.alarms.create('a', { name: 'b', delayInMinutes: 1 }));
  await rejects('when and delay', chrome.alarms.create('a', { when: Date.now() + 60000, delayInMinutes: 1 }));
  await rejects('no time', chrome.alarms.create('a', {}));
  await rejects('only persist', chrome.alarms.create('a', { persistAcrossSessions: true }));
  await rejects('1025-byte name', chrome.alarms.create('n'.repeat(1025), { delayInMinutes: 1 }));
  await rejects('1024-byte name', chrome.alarms.create('n'.repeat(1024), { delayInMinutes: 1 }));
  await rejects('1026 bytes in 513 characters', chrome.alarms.create('é'.repeat(513), { delayInMinutes: 1 }));
  await rejects('1025-byte name inside', chrome.alarms.create({ name: 'n'.repeat(1025), delayInMinutes: 1 }));
  await new Promise((resolve) =>
    chrome.alarms.create('a', {}, (...args) => resolve(console.log('@sb', 'callback lastError', [args.length, chrome.runtime.lastError?.message]))),
  );
  await chrome.alarms.clearAll();
  let created = 0;
  for (; created < 501; created++) {
    try {
      await chrome.alarms.create(`alarm ${created}`, { delayInMinutes: 10 });
    } catch (error) {
      console.log('@sb', 'too many', [created, error.message]);
      break;
    }
  }
  await rejects('replacing at the limit', chrome.alarms.create('alarm 0', { delayInMinutes: 20 }));
  await chrome.alarms.clear('alarm 1');
  await rejects('one below the limit', chrome.alarms.create('alarm 1', { delayInMinutes: 20 }));
  await chrome.alarms.clearAll();
  console.log('@sb', 'done', true);
})();
