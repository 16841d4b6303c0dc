chrome.runtime.sendMessage({
  a: undefined,
  f() {},
  d: new Date(0),
  m: new Map([[1, 2]]),
  n: NaN,
  inf: Infinity,
  negz: -0,
  arr: [undefined, () => 1],
  u8: new Uint8Array([1, 2]),
});
