const report = (label, value) => console.log('@sb', label, value);
const attempt = async (label, call) => {
  try {
    report(label, ['resolved', await call()]);
  } catch (error) {
    report(label, [error.constructor.name, error.message]);
  }
};
const constants = (area) => Object.fromEntries(Object.entries(area).filter(([, value]) => typeof value === 'number'));

(async () => {
  const { sync, local, session, managed } = chrome.storage;
  report('members', Object.keys(sync));
  for (const name of ['sync', 'local', 'session', 'managed']) report(`${name} constants`, constants(chrome.storage[name]));
  report('AccessLevel', chrome.storage.AccessLevel);

  await attempt('sync item over 8192', () => sync.set({ big: 'x'.repeat(8190) }));
  await attempt('sync item of exactly 8192', () => sync.set({ bi: 'x'.repeat(8188) }));
  await attempt('sync bytes', () => sync.getBytesInUse());
  await attempt('sync item too big among small ones', () => sync.set({ a: 1, big: 'x'.repeat(9000), z: 2 }));
  await attempt('sync keys after failures', () => sync.getKeys());
  await sync.clear();
  const many = {};
  for (let i = 0; i < 513; i++) many[`k${i}`] = i;
  await attempt('sync 513 items', () => sync.set(many));
  const heavy = {};
  for (let i = 0; i < 14; i++) heavy[`q${i}`] = 'x'.repeat(8000);
  await attempt('sync over QUOTA_BYTES', () => sync.set(heavy));
  await attempt('sync keys', () => sync.getKeys());

  await attempt('local over 10 MiB', () => local.set({ huge: 'x'.repeat(10 * 1024 * 1024) }));
  await attempt('local bytes', () => local.set({ lt: '<\u2028é\n', dbl: 2 ** 40, neg: -0.5, i: 2 ** 31, o: { b: [true, null], a: 'q"' } }));
  for (const key of ['lt', 'dbl', 'neg', 'i', 'o']) await attempt(`local bytes ${key}`, () => local.getBytesInUse(key));

  await attempt('session over QUOTA_BYTES', () => session.set({ huge: 'x'.repeat(10 * 1024 * 1024) }));
  const sessionValues = { s22: 'x'.repeat(22), s23: 'x'.repeat(23), s30: 'x'.repeat(30), ['k'.repeat(30)]: 1, ab: { a: 1, b: 2 }, list: [1, 2, 3], nest: { k: 'x'.repeat(40) }, d: 1.5, e: [], o: {} };
  await session.set(sessionValues);
  for (const key of Object.keys(sessionValues)) await attempt(`session bytes ${key.slice(0, 5)}`, () => session.getBytesInUse(key));
  await attempt('session bytes all', () => session.getBytesInUse());

  await attempt('managed get', () => managed.get());
  await attempt('managed set', () => managed.set({ a: 1 }));
  await attempt('managed remove', () => managed.remove('a'));
  await attempt('managed clear', () => managed.clear());
  await attempt('managed bytes', () => managed.getBytesInUse());
  await attempt('managed getKeys', () => managed.getKeys());
  void chrome.runtime.id; // chrome.runtime exists before the callback reads lastError
  await new Promise((resolve) => managed.set({ a: 1 }, (...args) => resolve(report('managed set callback', [args.length, chrome.runtime.lastError?.message]))));
  await new Promise((resolve) => sync.set({ big: 'x'.repeat(9000) }, (...args) => resolve(report('sync callback', [args.length, chrome.runtime.lastError?.message]))));
  report('done', true);
})();
