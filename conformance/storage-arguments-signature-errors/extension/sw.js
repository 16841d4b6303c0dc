const report = (label, value) => console.log('@sb', label, value);
const attempt = async (label, call) => {
  let result;
  try {
    result = call();
  } catch (error) {
    return report(label, ['throws', error.constructor.name, error.message]);
  }
  try {
    report(label, ['resolves', await result]);
  } catch (error) {
    report(label, ['rejects', error.constructor.name, error.message]);
  }
};
const { local, session, sync, managed } = chrome.storage;

(async () => {
  await local.set({ a: 1 });
  await attempt('get(42)', () => local.get(42));
  await attempt('get(true)', () => local.get(true));
  await attempt("get(['a', 5])", () => local.get(['a', 5]));
  await attempt('get(null, null)', () => local.get(null, null));
  await attempt('get(a, fn, extra)', () => local.get('a', () => {}, 1));
  await attempt('get(callback)', () => new Promise((resolve) => local.get(resolve)));
  await attempt('set()', () => local.set());
  await attempt("set('x')", () => local.set('x'));
  await attempt('set([1])', () => local.set([1]));
  await attempt('set(items, 5)', () => local.set({ a: 1 }, 5));
  await attempt('set(null)', () => local.set(null));
  await attempt('remove()', () => local.remove());
  await attempt('remove(1)', () => local.remove(1));
  await attempt('remove({})', () => local.remove({}));
  await attempt("remove(['a', null])", () => local.remove(['a', null]));
  await attempt('clear(1)', () => local.clear(1));
  await attempt('getKeys(1)', () => local.getKeys(1));
  await attempt('getBytesInUse({})', () => local.getBytesInUse({}));
  await attempt("getBytesInUse([1])", () => local.getBytesInUse([1]));
  await attempt('setAccessLevel()', () => session.setAccessLevel());
  await attempt('setAccessLevel({})', () => session.setAccessLevel({}));
  await attempt("setAccessLevel('TRUSTED_CONTEXTS')", () => session.setAccessLevel('TRUSTED_CONTEXTS'));
  await attempt('setAccessLevel bad enum', () => session.setAccessLevel({ accessLevel: 'NOPE' }));
  await attempt('setAccessLevel number', () => session.setAccessLevel({ accessLevel: 1 }));
  await attempt('setAccessLevel extra property', () => session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS', x: 1 }));
  await attempt('setAccessLevel on local', () => local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }));
  await attempt('setAccessLevel on sync', () => sync.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
  await attempt('setAccessLevel on managed', () => managed.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));
  report('done', true);
})();
