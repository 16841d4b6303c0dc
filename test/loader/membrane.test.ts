import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import { createMembrane } from '../../src/loader/membrane.ts';
import { sealStackTraces } from '../../src/loader/stack-traces.ts';
import { loadUnpacked, realmOfContext } from '../../src/loader/index.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

/** A fresh realm whose global `host` is `value` as its membrane hands it over. */
function realmWith(value: unknown): (source: string) => unknown {
  const context = vm.createContext(Object.create(null) as object);
  const membrane = createMembrane(context);
  sealStackTraces(context);
  Object.defineProperty(vm.runInContext('globalThis', context), 'host', { value: membrane.toRealm(value) });
  return (source) => vm.runInContext(source, context);
}

describe('the membrane: a realm reaches only its own objects', () => {
  it('a host function\'s constructor is the realm\'s own Function, which compiles where there is no process', () => {
    const run = realmWith({ fn: () => 1, asyncFn: async () => 1, *generator() {} });
    assert.equal(run('host.fn.constructor === Function'), true);
    assert.equal(run('host.fn.constructor.constructor("return typeof process")()'), 'undefined');
    assert.equal(run('host.asyncFn.constructor === (async () => {}).constructor'), true);
    assert.equal(run('host.generator.constructor === (function* () {}).constructor'), true);
  });

  it('host objects, arrays and errors look like the realm\'s: prototypes, instanceof, Array.isArray', () => {
    const run = realmWith({ list: [1, 2, 3], object: { a: 1 }, fail: () => { throw new TypeError('boom'); } });
    assert.equal(run('Object.getPrototypeOf(host.object) === Object.prototype'), true);
    assert.equal(run('Array.isArray(host.list) && host.list instanceof Array && host.list.map((x) => x * 2).join()'), '2,4,6');
    assert.equal(run('try { host.fail(); } catch (error) { error instanceof TypeError && error.message }'), 'boom');
    assert.equal(run('JSON.stringify(host)'), '{"list":[1,2,3],"object":{"a":1}}');
  });

  it('a frozen host object and a class keep the Proxy invariants: descriptors, keys and prototype are consistent', () => {
    class Widget {
      static kind = 'widget';
    }
    const run = realmWith({ frozen: Object.freeze({ nested: { deep: true }, list: Object.freeze([1]) }), Widget });
    assert.equal(run('Object.isFrozen(host.frozen) && host.frozen.nested.deep && host.frozen.list[0]'), 1);
    assert.equal(run('Object.getOwnPropertyDescriptor(host.frozen, "nested").value === host.frozen.nested'), true);
    assert.equal(run('Object.getOwnPropertyDescriptor(host.Widget, "prototype").value === host.Widget.prototype'), true);
    assert.equal(run('new host.Widget() instanceof host.Widget && host.Widget.kind'), 'widget');
    assert.equal(run('class Gadget extends host.Widget {} new Gadget() instanceof host.Widget'), true);
  });

  it('symbol-keyed internals of a host object are hidden; the realm\'s own symbols are not', () => {
    const internal = Symbol('impl');
    const run = realmWith({ [internal]: { secret: true }, visible: 1 });
    assert.equal(run('Object.getOwnPropertySymbols(host).length'), 0);
    assert.equal(run('const mine = Symbol("mine"); host[mine] = 2; host[mine] + Object.getOwnPropertySymbols(host).length'), 3);
  });

  it('an expando the realm sets on a host object lives in its own view: another realm does not see it', () => {
    const shared = { existing: 1 };
    const first = realmWith(shared);
    const second = realmWith(shared);
    first('host.expando = "first"; host.existing = 2');
    assert.equal(second('host.expando'), undefined);
    assert.equal(second('host.existing'), 2);
    assert.equal(Object.hasOwn(shared, 'expando'), false);
  });

  it('a realm function handed out is called with wrapped arguments, and is the same wrapper each time', () => {
    const listeners: unknown[] = [];
    const host = {
      add: (listener: unknown) => listeners.push(listener),
      fire: () => (listeners[0] as (value: unknown) => unknown)({ payload: [1] }),
    };
    const run = realmWith(host);
    assert.equal(run('const f = (event) => event.payload instanceof Array && event.constructor === Object; host.add(f); host.add(f); host.fire()'), true);
    assert.equal(listeners[0], listeners[1]);
  });

  it('bytes the host hands out are the realm\'s own ArrayBuffers and typed arrays, copied', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const run = realmWith({ bytes, buffer: bytes.buffer, view: new DataView(bytes.buffer) });
    assert.equal(run('host.bytes instanceof Uint8Array && host.buffer instanceof ArrayBuffer && host.view instanceof DataView'), true);
    assert.equal(run('host.bytes === host.bytes && [...host.bytes].join()'), '1,2,3');
    run('host.bytes[0] = 9');
    assert.equal(bytes[0], 1);
  });

  it('a stack overflow inside host code reaches the realm as an error of the realm', () => {
    const run = realmWith({ call: (fn: () => unknown) => fn() });
    const result = run(`(() => {
      let caught;
      const recurse = () => { try { host.call(recurse); } catch (error) { caught ??= error; throw error; } };
      try { recurse(); } catch {}
      return caught instanceof RangeError && caught.constructor.constructor('return typeof process')();
    })()`);
    assert.equal(result, 'undefined');
  });

  it('Error.prepareStackTrace sees no function nor receiver of the host among its call sites', () => {
    // A sloppy-mode host function: V8 would give its call site's getFunction().
    const sloppy = new Function('callback', 'return callback()') as (callback: () => unknown) => unknown;
    const run = realmWith({ call: sloppy });
    const result = run(`(() => {
      Error.prepareStackTrace = (error, sites) => sites;
      const sites = host.call(() => new Error('probe').stack);
      Error.prepareStackTrace = undefined;
      const functions = sites.map((site) => site.getFunction()).filter(Boolean);
      return [sites.length > 2, functions.length, functions.every((fn) => fn.constructor === Function)].join();
    })()`);
    // The realm's own arrow is the one function a call site gives; the sloppy host one is hidden.
    assert.equal(result, 'true,1,true');
  });
});

describe('sealed contexts of a loaded extension', () => {
  it('chrome.* functions, ports and events are of the context\'s realm to its code', async () => {
    const { browser } = loaderFixture({ 'https://example.com/article': '<h1>Hi</h1>' });
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    await settle(browser);
    const realm = realmOfContext(extension.serviceWorker!)!;
    const answer = realm.evaluate(`[
      chrome.runtime.sendMessage.constructor === Function,
      chrome.runtime.onMessage.addListener.constructor.constructor('return typeof process')(),
      Object.getPrototypeOf(chrome.runtime) === Object.prototype,
      globalThis.constructor.constructor('return typeof process')(),
    ].join()`, 'test:probe');
    assert.equal(answer, 'true,undefined,true,undefined');
  });

  it('console.log never calls a realm object\'s [util.inspect.custom] with Node\'s inspect', async () => {
    const { browser, consoleOf } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('messaging'));
    await settle(browser);
    const worker = extension.serviceWorker!;
    realmOfContext(worker)!.evaluate(
      `console.log({ [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) { globalThis.reached = typeof inspect; return 'custom'; }, plain: 1 })`,
      'test:probe',
    );
    assert.equal(realmOfContext(worker)!.evaluate('typeof globalThis.reached', 'test:probe'), 'undefined');
    assert.ok(consoleOf(worker).some((line) => line.includes('plain: 1')), inspect(consoleOf(worker)));
  });
});
