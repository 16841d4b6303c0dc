import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import fc from 'fast-check';
import { compileJsonCloner } from '../src/api/json-clone.ts';

const host = compileJsonCloner();

/** What crossing as text gives: the reference the cloner must equal. */
function viaText(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? { ok: true, value: undefined } : { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function viaCloner(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    const { data } = host.snapshot(value);
    return { ok: true, value: data === undefined ? undefined : host.copy(data) };
  } catch {
    return { ok: false };
  }
}

/** Deep equality that also holds key order and prototypes, which deepStrictEqual does not check. */
function assertSameJson(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected !== 'object' || expected === null) {
    assert.ok(Object.is(actual, expected), `${path}: ${String(actual)} !== ${String(expected)}`);
    return;
  }
  assert.equal(typeof actual, 'object', path);
  assert.equal(Object.getPrototypeOf(actual), Object.getPrototypeOf(expected), `${path}: prototype`);
  assert.deepEqual(Reflect.ownKeys(actual as object), Reflect.ownKeys(expected), `${path}: keys in order`);
  for (const key of Object.keys(expected)) {
    const descriptor = Object.getOwnPropertyDescriptor(actual, key);
    assert.deepEqual(
      descriptor && { writable: descriptor.writable, enumerable: descriptor.enumerable, configurable: descriptor.configurable },
      { writable: true, enumerable: true, configurable: true },
      `${path}.${key}: a plain data property`,
    );
    assertSameJson((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

function assertClonesLikeJson(value: unknown): void {
  const expected = viaText(value);
  const actual = viaCloner(value);
  assert.equal(actual.ok, expected.ok, `throws: ${String(!expected.ok)}`);
  if (actual.ok && expected.ok) assertSameJson(actual.value, expected.value);
}

/** Values JSON has opinions on: everything fc.anything makes, and the odd ones it does not. */
const oddValue = fc.oneof(
  fc.constantFrom(-0, NaN, Infinity, -Infinity, undefined, null, true, false, '', '\u0000', '\ud800', '"\\', 1e21, 5e-324),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.date({ noInvalidDate: false }),
  fc.oneof(fc.double(), fc.string(), fc.boolean()).map((v) => Object(v) as object),
  fc.constant(new Map([[1, 2]])),
  fc.constant(new Uint8Array([1, 2, 3])),
  fc.constant(Object.create(null) as object),
);
const keyLike = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toString', 'constructor', '0', '1', '01', '4294967295', '-1', 'length'));
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    oddValue,
    fc.anything(),
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.sparseArray(tie('tree'), { maxLength: 6 }),
    fc.array(fc.tuple(keyLike, tie('tree')), { maxLength: 6 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [key, item] of entries) Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
      return object;
    }),
  ),
}));

describe('the JSON cloner gives what JSON.parse(JSON.stringify(value)) gives', () => {
  it('for any value: the same data, keys in the same order, own data properties, the same throws (property)', () => {
    fc.assert(fc.property(tree, (value) => assertClonesLikeJson(value)), { numRuns: 2000 });
  });

  it('lone surrogates, escapes and unicode survive as they do through text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => assertClonesLikeJson({ [text]: text, list: [text] })));
  });

  it('cycles and BigInts throw; a cycle is not a shared object', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.equal(viaCloner(cyclic).ok, false);
    assert.equal(viaCloner([1, [2, { big: 1n }]]).ok, false);
    assert.equal(viaCloner(Object(1n)).ok, false);
    const shared = { x: 1 };
    assertClonesLikeJson({ a: shared, b: [shared, shared] });
  });

  it('toJSON gets its key, getters and toJSON run in the order JSON.stringify runs them', () => {
    const make = (log: string[]): unknown => {
      const leaf = (name: string): object => ({
        toJSON(key: string) {
          log.push(`toJSON ${name} key=${JSON.stringify(key)}`);
          return name === 'drop' ? undefined : { name };
        },
      });
      return {
        get first() {
          log.push('get first');
          return [leaf('a'), leaf('drop'), { get inner() { log.push('get inner'); return leaf('b'); } }];
        },
        second: leaf('c'),
        get third() {
          log.push('get third');
          return Object.assign(Object(7), { valueOf: () => (log.push('valueOf'), 8) });
        },
        toString: { toJSON: () => (log.push('toJSON of a key Object.prototype has'), 's') },
      };
    };
    const textLog: string[] = [];
    const clonerLog: string[] = [];
    const expected = viaText(make(textLog));
    const actual = viaCloner(make(clonerLog));
    assert.deepEqual(clonerLog, textLog);
    assert.ok(actual.ok && expected.ok);
    assertSameJson(actual.value, expected.value);
  });

  it('proxies: the same traps, in the same order', () => {
    const traced = (log: string[]): unknown => {
      const handler = (name: string): ProxyHandler<object> => ({
        ownKeys: (target) => (log.push(`${name} ownKeys`), Reflect.ownKeys(target)),
        getOwnPropertyDescriptor: (target, key) => (log.push(`${name} gopd ${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
        get: (target, key, receiver) => (log.push(`${name} get ${String(key)}`), Reflect.get(target, key, receiver) as unknown),
      });
      const hidden = Object.defineProperty({ b: 2, a: 1 }, 'hidden', { value: 3, enumerable: false });
      return new Proxy({ object: new Proxy(hidden, handler('object')), array: new Proxy([1, undefined, 3], handler('array')) }, handler('top'));
    };
    const textLog: string[] = [];
    const clonerLog: string[] = [];
    const expected = viaText(traced(textLog));
    const actual = viaCloner(traced(clonerLog));
    assert.deepEqual(clonerLog, textLog);
    assert.ok(actual.ok && expected.ok);
    assertSameJson(actual.value, expected.value);
  });

  it('a toJSON that sends a message of its own does not disturb the outer snapshot', () => {
    const inner = { list: [1, 2, { deep: true }] };
    const outer = { before: 1, nested: { toJSON: () => host.snapshot(inner).data }, after: [2] };
    const { data } = host.snapshot(outer);
    assert.deepEqual(data, { before: 1, nested: inner, after: [2] });
  });

  it('copies and measures data of any depth without running out of stack; the snapshot stops at its budget', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    const copy = host.copy(deep as never) as unknown;
    let depth = 0;
    for (let v = copy; typeof v === 'object' && v !== null; v = Array.isArray(v) ? v[0] : (v as { a: unknown }).a) depth++;
    assert.equal(depth, 100_001);
    assert.equal(host.textBytes(deep as never), 50_000 * '[]'.length + 50_000 * '{"a":}'.length + '[]'.length);
    assert.throws(() => host.snapshot([[[]]], 3 * 13 - 1), RangeError);
    assert.deepEqual(host.snapshot([[[]]], 3 * 13).data, [[[]]]);
    assert.throws(() => host.snapshot({ a: { a: {} } }, 3 * 12 - 1), RangeError);
  });

  it('an upper bound of the text length, and the exact length, of any data (property)', () => {
    fc.assert(
      fc.property(tree, (value) => {
        let snapshot: ReturnType<typeof host.snapshot>;
        try {
          snapshot = host.snapshot(value);
        } catch {
          return;
        }
        if (snapshot.data === undefined) return;
        const exact = Buffer.byteLength(JSON.stringify(value), 'utf8');
        assert.equal(host.textBytes(snapshot.data), exact);
        assert.ok(snapshot.maxBytes >= exact, `${snapshot.maxBytes} < ${exact}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the JSON cloner in a vm realm', () => {
  function realm(): { context: vm.Context; run: (code: string) => unknown } {
    const context = vm.createContext();
    return { context, run: (code) => vm.runInContext(code, context) };
  }

  it('copies are of the realm: its Object.prototype and Array.prototype', () => {
    const { context, run } = realm();
    const cloner = compileJsonCloner(context);
    const copy = cloner.copy({ list: [{ a: 1 }] }) as { list: object[] };
    assert.equal(Object.getPrototypeOf(copy), run('Object.prototype'));
    assert.equal(Object.getPrototypeOf(copy.list), run('Array.prototype'));
    assert.equal(Object.getPrototypeOf(copy.list[0]), run('Object.prototype'));
  });

  it('what the realm patches after the cloner was compiled changes nothing; a setter on Object.prototype does not run', () => {
    const { context, run } = realm();
    const cloner = compileJsonCloner(context);
    run(`
      globalThis.setterRan = false;
      Object.defineProperty(Object.prototype, 'x', { set() { globalThis.setterRan = true; }, configurable: true });
      Object.keys = () => [];
      Array.isArray = () => false;
      Array.prototype[Symbol.iterator] = function* () {};
      Function.prototype.call = Function.prototype.apply = () => 'patched';
      Reflect.apply = () => 'patched';
      JSON.stringify = () => 'patched';
      Math.min = Math.floor = () => 0;
    `);
    const value = run('({ x: 1, list: [1, 2], date: new Date(0), n: Object(3), when: { toJSON(key) { return "key " + key; } } })');
    const { data } = cloner.snapshot(value);
    const copy = cloner.copy(data as never) as Record<string, unknown>;
    assert.equal(run('globalThis.setterRan'), false);
    const expected = '{"x":1,"list":[1,2],"date":"1970-01-01T00:00:00.000Z","n":3,"when":"key when"}';
    assert.equal(JSON.stringify(copy), expected);
    assert.equal(Object.getOwnPropertyDescriptor(copy, 'x')?.value, 1);
    assert.equal(cloner.textBytes(data as never), Buffer.byteLength(expected));
    // The text a native host reads comes from the realm's JSON.stringify as it was.
    assert.equal(cloner.stringify(run('({ a: [1, "x"] })')), '{"a":[1,"x"]}');
  });

  it('a key Object.prototype has is still copied as data when the realm put a `get` on Object.prototype', () => {
    const { context, run } = realm();
    const cloner = compileJsonCloner(context);
    run("Object.defineProperty(Object.prototype, 'get', { value: () => 'accessor', configurable: true })");
    const { data } = cloner.snapshot(run('({ toString: 1, constructor: [2] })'));
    assert.equal(JSON.stringify(data), '{"toString":1,"constructor":[2]}');
  });

  it("a BigInt's toJSON is looked up on the sending realm's BigInt.prototype, as its JSON.stringify does", () => {
    const { context, run } = realm();
    const cloner = compileJsonCloner(context);
    run('BigInt.prototype.toJSON = function () { return this.toString() + "n"; }');
    assert.equal(JSON.stringify(cloner.snapshot(run('({ big: 12n })')).data), '{"big":"12n"}');
    assert.throws(() => host.snapshot({ big: 12n }), TypeError);
  });
});
