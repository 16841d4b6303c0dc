/**
 * Random messages as hostile as a page's code can make them: cycles, getters and toJSON that throw,
 * Proxies whose traps throw, revoked Proxies, BigInts, symbols, functions, undefined, NaN and the
 * infinities, sparse arrays, wrappers whose valueOf throws, `__proto__` keys, lone surrogates, deep
 * nesting around Chrome's limits, wide values, and (on their own) values of about 64 MiB.
 *
 * fast-check generates a plan (plain data, which it can print and shrink); `build` makes the value
 * from it, anew each time. Every getter, trap and toJSON is deterministic, so a value built twice
 * behaves twice the same.
 */
import { types } from 'node:util';
import fc from 'fast-check';
import { NESTING_BUDGET } from '../../src/core/serialization.ts';

/** What a hostile getter, trap or toJSON throws: Errors, and values that are not Errors. */
type ThrownKind = 'Error' | 'TypeError' | 'string' | 'undefined' | 'symbol' | 'object';
type OddKind = 'function' | 'class' | 'async' | 'generator' | 'map' | 'set' | 'regexp' | 'bytes' | 'floats' | 'buffer' | 'error' | 'null-prototype' | 'Math' | 'JSON';
type Trap = 'none' | 'ownKeys' | 'get' | 'getOwnPropertyDescriptor' | 'has' | 'get-other' | 'revoked';
type Kind = 'array' | 'object';

export type Plan =
  | { readonly t: 'primitive'; readonly v: string | number | boolean | null | undefined }
  | { readonly t: 'bigint'; readonly v: bigint; readonly boxed: boolean }
  | { readonly t: 'symbol'; readonly description: string }
  | { readonly t: 'odd'; readonly kind: OddKind }
  | { readonly t: 'date'; readonly ms: number }
  | { readonly t: 'wrapper'; readonly v: number | string | boolean; readonly throwing?: { readonly method: 'valueOf' | 'toString'; readonly thrown: ThrownKind } }
  | { readonly t: 'array'; readonly items: readonly Plan[] }
  | { readonly t: 'sparse'; readonly length: number; readonly items: readonly (readonly [number, Plan])[] }
  | { readonly t: 'object'; readonly entries: readonly (readonly [string, Plan])[] }
  | { readonly t: 'getter'; readonly key: string; readonly value: Plan }
  | { readonly t: 'throwing getter'; readonly key: string; readonly thrown: ThrownKind }
  | { readonly t: 'toJSON'; readonly value: Plan }
  | { readonly t: 'toJSON of key' }
  | { readonly t: 'throwing toJSON'; readonly thrown: ThrownKind }
  | { readonly t: 'array with toJSON'; readonly items: readonly Plan[]; readonly value: Plan }
  | { readonly t: 'proxy'; readonly target: Plan; readonly trap: Trap; readonly thrown: ThrownKind; readonly other: Plan }
  | { readonly t: 'hidden'; readonly value: Plan }
  | { readonly t: 'shared'; readonly value: Plan }
  | { readonly t: 'cycle'; readonly root: Plan; readonly from: number; readonly to: number; readonly via: 'property' | 'toJSON' | 'getter' }
  | { readonly t: 'deep'; readonly depth: number; readonly kinds: readonly Kind[]; readonly leaf: Plan }
  | { readonly t: 'wide'; readonly count: number; readonly asArray: boolean; readonly item: Plan }
  | { readonly t: 'huge string'; readonly unit: string; readonly count: number; readonly wrapped: boolean }
  | { readonly t: 'holes'; readonly holes: number; readonly tail: number };

// ----- building a value from its plan -----

function makeThrown(kind: ThrownKind): unknown {
  switch (kind) {
    case 'Error':
      return new Error('getter threw');
    case 'TypeError':
      return new TypeError('trap threw');
    case 'string':
      return 'a string';
    case 'undefined':
      return undefined;
    case 'symbol':
      return Symbol('thrown');
    case 'object':
      return { toString: () => 'an object' };
  }
}

const throwing = (kind: ThrownKind) => (): never => {
  throw makeThrown(kind);
};

function makeOdd(kind: OddKind): unknown {
  switch (kind) {
    case 'function':
      return () => 1;
    case 'class':
      return class Example {};
    case 'async':
      return async () => 1;
    case 'generator':
      return function* generator() {};
    case 'map':
      return new Map([[1, 2]]);
    case 'set':
      return new Set([1]);
    case 'regexp':
      return /regex/g;
    case 'bytes':
      return new Uint8Array([1, 2, 3]);
    case 'floats':
      return new Float64Array([NaN, -0]);
    case 'buffer':
      return new ArrayBuffer(4);
    case 'error':
      return new Error('an error');
    case 'null-prototype':
      return Object.assign(Object.create(null) as object, { a: 1 });
    case 'Math':
      return Math;
    case 'JSON':
      return JSON;
  }
}

/** An object whose properties are defined as written: `__proto__` and friends become own keys. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

function proxyOf(target: unknown, trap: Trap, thrown: ThrownKind, other: unknown): unknown {
  if (typeof target !== 'object' || target === null) return target;
  switch (trap) {
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(target, {});
      revoke();
      return proxy;
    }
    case 'none':
      return new Proxy(target, {});
    case 'get-other':
      // (An array's length stays its own: a length of 2^53 would keep JSON.stringify busy for ever.)
      return new Proxy(target, { get: (t, key, receiver) => (key === 'toJSON' || key === 'length' ? Reflect.get(t, key, receiver) : other) });
    default:
      return new Proxy(target, { [trap]: throwing(thrown) });
  }
}

/** A chain of `depth` arrays and objects (`kinds` repeating) around `leaf`. Iterative. */
export function nested(depth: number, kinds: readonly Kind[], leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = kinds[i % kinds.length] === 'array' ? [value] : { a: value };
  return value;
}

/** A plain object or array, not a Proxy of one (whose traps may throw). */
function isPlain(value: object): boolean {
  // Math and JSON inherit from Object.prototype too, but are the process's own: a cycle set on one
  // would change every later message that holds it.
  if (value === Math || value === JSON) return false;
  return !types.isProxy(value) && Object.getPrototypeOf(value) === (Array.isArray(value) ? Array.prototype : Object.prototype);
}

/** Plain objects and arrays reachable from `root` through own data properties, parents first. */
function containers(root: unknown, limit = 64): object[] {
  const found: object[] = [];
  const pending: unknown[] = [root];
  const seen = new Set<unknown>();
  while (pending.length > 0 && found.length < limit) {
    const item = pending.shift();
    if (typeof item !== 'object' || item === null || seen.has(item) || !isPlain(item)) continue;
    seen.add(item);
    found.push(item);
    for (const key of Object.keys(item)) {
      const descriptor = Object.getOwnPropertyDescriptor(item, key);
      if (descriptor && 'value' in descriptor) pending.push(descriptor.value);
    }
  }
  return found;
}

/** `root` with a reference from one of its containers to a container found before it (or itself). */
function withCycle(root: unknown, from: number, to: number, via: 'property' | 'toJSON' | 'getter'): unknown {
  const all = containers(root);
  if (all.length === 0) return root;
  const index = from % all.length;
  const holder = all[index]!;
  const target = all[to % (index + 1)]!;
  const key = Array.isArray(holder) ? String(holder.length) : 'cycle';
  const descriptor: PropertyDescriptor =
    via === 'property' ? { value: target, writable: true } : via === 'getter' ? { get: () => target } : { value: { toJSON: () => target }, writable: true };
  Object.defineProperty(holder, key, { ...descriptor, enumerable: true, configurable: true });
  return root;
}

/** The value a plan describes, made anew. */
export function build(plan: Plan): unknown {
  switch (plan.t) {
    case 'primitive':
      return plan.v;
    case 'bigint':
      return plan.boxed ? Object(plan.v) : plan.v;
    case 'symbol':
      return Symbol(plan.description);
    case 'odd':
      return makeOdd(plan.kind);
    case 'date':
      return new Date(plan.ms);
    case 'wrapper': {
      const wrapper = Object(plan.v) as Record<string, unknown>;
      if (plan.throwing) wrapper[plan.throwing.method] = throwing(plan.throwing.thrown);
      return wrapper;
    }
    case 'array':
      return plan.items.map(build);
    case 'sparse': {
      const array = new Array<unknown>(plan.length);
      for (const [index, item] of plan.items) if (index < plan.length) array[index] = build(item);
      return array;
    }
    case 'object':
      return objectOf(plan.entries.map(([key, item]) => [key, build(item)] as const));
    case 'getter': {
      const value = build(plan.value);
      return Object.defineProperty({}, plan.key, { get: () => value, enumerable: true });
    }
    case 'throwing getter':
      return Object.defineProperty({ before: 1 }, plan.key, { get: throwing(plan.thrown), enumerable: true });
    case 'toJSON': {
      const value = build(plan.value);
      return { toJSON: () => value };
    }
    case 'toJSON of key':
      return { toJSON: (key: string) => `key:${key}` };
    case 'throwing toJSON':
      return { toJSON: throwing(plan.thrown) };
    case 'array with toJSON': {
      const value = build(plan.value);
      return Object.assign(plan.items.map(build), { toJSON: () => value });
    }
    case 'proxy':
      return proxyOf(build(plan.target), plan.trap, plan.thrown, build(plan.other));
    case 'hidden': {
      // What JSON skips: symbol keys, non-enumerable and inherited properties.
      const value = build(plan.value);
      const object = Object.create({ inherited: value }) as Record<string | symbol, unknown>;
      object[Symbol('key')] = value;
      Object.defineProperty(object, 'hidden', { value, enumerable: false });
      object.shown = 1;
      return object;
    }
    case 'shared': {
      // The same object twice is no cycle.
      const value = build(plan.value);
      return { first: value, second: [value, value] };
    }
    case 'cycle':
      return withCycle(build(plan.root), plan.from, plan.to, plan.via);
    case 'deep':
      return nested(plan.depth, plan.kinds, build(plan.leaf));
    case 'wide': {
      const item = build(plan.item);
      if (plan.asArray) return new Array<unknown>(plan.count).fill(item);
      return Object.fromEntries(Array.from({ length: plan.count }, (_, i) => [`k${i}`, item]));
    }
    case 'huge string': {
      const text = plan.unit.repeat(plan.count);
      return plan.wrapped ? { text } : text;
    }
    case 'holes': {
      const array = new Array<unknown>(plan.holes + 1);
      array[plan.holes] = 'x'.repeat(plan.tail);
      return array;
    }
  }
}

// ----- the plans -----

const thrown = fc.constantFrom<ThrownKind>('Error', 'TypeError', 'string', 'undefined', 'symbol', 'object');

const keyLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('__proto__', 'toJSON', 'constructor', 'toString', 'valueOf', 'length', '0', '1', '01', '-1', '4294967295', '', '\ud800'),
);

const primitive: fc.Arbitrary<Plan> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('\ud800', '\udfff', 'a\udc00b', '\udbff\ud800', '\u2028\u2029', '"\\\u0000\u001f', '\ufeff'),
    fc.double(),
    fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 5e-324, Number.MAX_SAFE_INTEGER + 2),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  )
  .map((v) => ({ t: 'primitive', v }));

/** Values JSON cannot carry or treats specially, alone or anywhere inside a message. */
const odd: fc.Arbitrary<Plan> = fc.oneof(
  fc.record({ t: fc.constant('bigint' as const), v: fc.bigInt(), boxed: fc.boolean() }),
  fc.record({ t: fc.constant('symbol' as const), description: fc.string({ maxLength: 4 }) }),
  fc.record({
    t: fc.constant('odd' as const),
    kind: fc.constantFrom<OddKind>('function', 'class', 'async', 'generator', 'map', 'set', 'regexp', 'bytes', 'floats', 'buffer', 'error', 'null-prototype', 'Math', 'JSON'),
  }),
  fc.record({ t: fc.constant('date' as const), ms: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(NaN)) }),
  // A wrapper is converted with its valueOf or toString, which may throw.
  fc.record(
    {
      t: fc.constant('wrapper' as const),
      v: fc.oneof(fc.double(), fc.string({ maxLength: 6 }), fc.boolean()),
      throwing: fc.record({ method: fc.constantFrom<'valueOf' | 'toString'>('valueOf', 'toString'), thrown }),
    },
    { requiredKeys: ['t', 'v'] },
  ),
);

/** The depths where Chrome's stack stops a message: per thread, for arrays (13 units) and objects (12). */
const DEEPEST = [
  Math.floor(NESTING_BUDGET.mainThread / 13),
  Math.floor(NESTING_BUDGET.mainThread / 12),
  Math.floor(NESTING_BUDGET.serviceWorker / 13),
  Math.floor(NESTING_BUDGET.serviceWorker / 12),
];

const { tree } = fc.letrec<{ tree: Plan }>((tie) => {
  const item = tie('tree');
  const entries = fc.array(fc.tuple(keyLike, item), { maxLength: 5 });
  return {
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: primitive, weight: 6 },
      { arbitrary: odd, weight: 2 },
      { arbitrary: fc.record({ t: fc.constant('array' as const), items: fc.array(item, { maxLength: 5 }) }), weight: 3 },
      {
        arbitrary: fc.record({
          t: fc.constant('sparse' as const),
          length: fc.nat({ max: 12 }),
          items: fc.array(fc.tuple(fc.nat({ max: 11 }), item), { maxLength: 4 }),
        }),
        weight: 1,
      },
      { arbitrary: fc.record({ t: fc.constant('object' as const), entries }), weight: 3 },
      { arbitrary: fc.record({ t: fc.constant('getter' as const), key: keyLike, value: item }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('throwing getter' as const), key: keyLike, thrown }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('toJSON' as const), value: item }), weight: 1 },
      { arbitrary: fc.constant({ t: 'toJSON of key' as const }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('throwing toJSON' as const), thrown }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('array with toJSON' as const), items: fc.array(item, { maxLength: 3 }), value: item }), weight: 1 },
      {
        arbitrary: fc.record({
          t: fc.constant('proxy' as const),
          target: fc.oneof(
            fc.record({ t: fc.constant('object' as const), entries }),
            fc.record({ t: fc.constant('array' as const), items: fc.array(item, { maxLength: 4 }) }),
          ),
          trap: fc.constantFrom<Trap>('none', 'none', 'ownKeys', 'get', 'getOwnPropertyDescriptor', 'has', 'get-other', 'revoked'),
          thrown,
          other: item,
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ t: fc.constant('hidden' as const), value: item }), weight: 1 },
      { arbitrary: fc.record({ t: fc.constant('shared' as const), value: item }), weight: 1 },
    ),
  };
});

const kinds = fc.constantFrom<readonly Kind[]>(['array'], ['object'], ['array', 'object'], ['object', 'object', 'array']);

/** Deep values: near each of Chrome's limits, or anywhere up to past the deepest. */
export const deepPlan: fc.Arbitrary<Plan> = fc.record({
  t: fc.constant('deep' as const),
  depth: fc.oneof(
    fc.constantFrom(...DEEPEST).chain((limit) => fc.integer({ min: limit - 2, max: limit + 2 })),
    fc.integer({ min: 1, max: Math.max(...DEEPEST) + 500 }),
  ),
  kinds,
  leaf: tree,
});

/** Wide values: many elements or keys (far below 64 MiB; hugePlan has those). */
export const widePlan: fc.Arbitrary<Plan> = fc.record({
  t: fc.constant('wide' as const),
  count: fc.integer({ min: 1000, max: 5000 }),
  asArray: fc.boolean(),
  item: fc.oneof({ arbitrary: primitive, weight: 3 }, { arbitrary: odd, weight: 1 }, { arbitrary: tree, weight: 1 }),
});

/** Any hostile message of ordinary size, a tenth of them with a cycle. */
export const hostilePlan: fc.Arbitrary<Plan> = fc.oneof(
  { arbitrary: tree, weight: 9 },
  {
    arbitrary: fc.record({
      t: fc.constant('cycle' as const),
      root: tree,
      from: fc.nat(),
      to: fc.nat(),
      via: fc.constantFrom<'property' | 'toJSON' | 'getter'>('property', 'toJSON', 'getter'),
    }),
    weight: 1,
  },
);

/**
 * Values whose JSON text is within a few bytes of `maxBytes` of UTF-8, under or over: strings of
 * characters of 1 to 6 bytes of JSON each (a control character and a lone surrogate are escaped to
 * six), alone or in an object, or after a run of holes (each "null,").
 */
export function hugePlan(maxBytes: number): fc.Arbitrary<Plan> {
  const units = fc.constantFrom<readonly [string, number]>(['x', 1], ['é', 2], ['€', 3], ['"', 2], ['\u0001', 6], ['\ud800', 6]);
  const delta = fc.integer({ min: -2, max: 2 });
  const string = fc.tuple(units, delta, fc.boolean()).map(
    ([[unit, bytes], by, wrapped]): Plan => ({
      t: 'huge string',
      unit,
      // '{"text":' and '}' take 9 more bytes than the quotes alone.
      count: Math.floor((maxBytes - 2 - (wrapped ? 9 : 0)) / bytes) + by,
      wrapped,
    }),
  );
  // Holes, then a string: "[null,…,null,"xx…"]" is 5 bytes a hole, and the brackets and quotes.
  const holes = fc
    .tuple(fc.integer({ min: 1, max: 1_000_000 }), delta)
    .map(([count, by]): Plan => ({ t: 'holes', holes: count, tail: maxBytes - 4 - 5 * count + by }));
  return fc.oneof({ arbitrary: string, weight: 9 }, { arbitrary: holes, weight: 1 });
}
