/* eslint-disable no-sparse-arrays -- holes are part of what storage converts */
const report = (label, value) => console.log('@sb', label, value);

class Point {
  constructor() { this.x = 1; }
  get y() { return 2; }
}
const shared = { s: 1 };
const cyclic = { a: 1 };
cyclic.self = cyclic;
const values = {
  fn: () => 1, date: new Date(0), regexp: /x/g, map: new Map([[1, 2]]), set: new Set([1]), nan: NaN, infinity: Infinity,
  negativeZero: -0, nestedUndefined: { u: undefined, n: null }, nestedFunction: { f() {} }, arrayNothings: [undefined, () => 1, NaN, null, Symbol('s')],
  sparse: [1, , 3], instance: new Point(), toJSON: { toJSON() { return 'J'; }, v: 1 }, big: 1e21, fraction: 1.5, large: 2 ** 40,
  text: 'é\u0000x', bool: false, empty: {}, nul: null, symbol: Symbol('s'), bigint: 1n, nestedBigint: { b: 1n, v: 1 }, error: new Error('m'),
  boxed: new String('ab'), proxy: new Proxy({ a: 1 }, {}), arrayWithProps: Object.assign([1], { p: 2 }), inherited: Object.create({ inh: 1 }),
  emptyKey: { '': 1 }, cyclic, sharedTwice: { one: shared, two: shared }, keyOrder: { b: 1, a: 2, 10: 3, 2: 4 },
};

(async () => {
  for (const [key, value] of Object.entries(values)) {
    await chrome.storage.local.set({ [key]: value });
    const got = await chrome.storage.local.get(key);
    report(key, Object.hasOwn(got, key) ? [got[key]] : 'left out');
  }
  report('getKeys', await chrome.storage.local.getKeys());
  for (const [label, value] of [['Uint8Array', new Uint8Array([1])], ['ArrayBuffer', new ArrayBuffer(2)], ['nested typed array', { x: [new Uint16Array(1)] }]]) {
    try {
      await chrome.storage.local.set({ binary: value });
      report(label, 'stored');
    } catch (error) {
      report(label, [error.constructor.name, error.message]);
    }
  }
  report('defaults converted', await chrome.storage.local.get({ dflt: { u: undefined, d: new Date(0), f() {}, n: NaN, keep: [undefined, 1] }, gone: undefined, nul: 'stored value wins' }));
  report('done', true);
})();
