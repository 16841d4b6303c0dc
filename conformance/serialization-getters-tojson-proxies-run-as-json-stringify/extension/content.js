const log = [];
const leaf = (name) => ({
  toJSON(key) {
    log.push(`toJSON ${name} key=${JSON.stringify(key)}`);
    return name === 'dropped' ? undefined : { name };
  },
});
const traced = (name, target) =>
  new Proxy(target, {
    ownKeys: (t) => (log.push(`${name} ownKeys`), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, key) => (log.push(`${name} getOwnPropertyDescriptor ${String(key)}`), Reflect.getOwnPropertyDescriptor(t, key)),
    get: (t, key, receiver) => (log.push(`${name} get ${String(key)}`), Reflect.get(t, key, receiver)),
  });
const hidden = Object.defineProperty({ b: 2, a: 1 }, 'hidden', { value: 3, enumerable: false });
const message = {
  get first() {
    log.push('get first');
    return [leaf('a'), leaf('dropped'), { get inner() { log.push('get inner'); return leaf('b'); } }];
  },
  zebra: 1,
  10: 'ten',
  2: 'two',
  proxied: traced('object', hidden),
  list: traced('array', [1, undefined, 3]),
  wrapped: Object.assign(Object(7), { valueOf: () => (log.push('valueOf'), 8) }),
  text: Object.assign(Object('s'), { toString: () => (log.push('toString'), 'S') }),
  own: JSON.parse('{"__proto__": {"x": 1}, "x": 2}'),
};
chrome.runtime.sendMessage(message, (reply) => {
  console.log('@sb', 'reply', reply);
});
// Everything ran inside sendMessage: changing the object now changes nothing that was sent.
message.zebra = 'changed after the call';
console.log('@sb', 'serialization ran', log);
