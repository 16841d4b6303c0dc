import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { invocationError } from '../../src/core/errors.ts';
import { APISignature, foundTypeName, type ParamSpec, type TypeSpec } from '../../src/api/signature.ts';

/** The detail part of the invocation error a call throws (after "...): "). */
function failure(signature: APISignature, args: unknown[]): string {
  try {
    signature.parse(args);
  } catch (error) {
    assert.ok(error instanceof TypeError, 'invocation errors are TypeErrors');
    const prefix = invocationError(signature.apiMethod, signature.expectedSignature, '');
    assert.ok(error.message.startsWith(prefix), error.message);
    return error.message.slice(prefix.length);
  }
  assert.fail(`expected ${JSON.stringify(args)} to fail`);
}

/** Parses one value against a spec, as the only parameter of a test method. */
function single(spec: TypeSpec): APISignature {
  return new APISignature('test.method', [{ ...spec, name: 'value' }]);
}

function valueError(spec: TypeSpec, value: unknown): string {
  const detail = failure(single(spec), [value]);
  const prefix = "Error at parameter 'value': ";
  assert.ok(detail.startsWith(prefix), detail);
  return detail.slice(prefix.length);
}

const str = (name: string, optional = false): ParamSpec => ({ name, type: 'string', optional });
const int = (name: string, optional = false): ParamSpec => ({ name, type: 'integer', optional });

// Cases ported from extensions/renderer/bindings/api_signature_unittest.cc (BasicSignatureParsing).
describe('APISignature: matching arguments to parameters', () => {
  it('the expected signature lists "[optional ]<type> <name>" joined by ", "', () => {
    const signature = new APISignature('x.y', [str('a'), int('b', true), { name: 'callback', type: 'function', optional: true }]);
    assert.equal(signature.expectedSignature, 'string a, optional integer b, optional function callback');
    assert.equal(new APISignature('x.y', []).expectedSignature, '');
  });

  it('a required string accepts strings only, and exactly one of them', () => {
    const signature = new APISignature('test.oneString', [str('string')]);
    assert.deepEqual(signature.parse(['foo']), ['foo']);
    assert.deepEqual(signature.parse(['']), ['']);
    for (const args of [[1], [], [{}], ['foo', 'bar']]) assert.equal(failure(signature, args), 'No matching signature.');
  });

  it('a type mismatch at top level is "No matching signature.", not an Invalid type error', () => {
    const signature = new APISignature('test.stringAndInt', [str('string'), int('int')]);
    assert.deepEqual(signature.parse(['foo', 42]), ['foo', 42]);
    assert.deepEqual(signature.parse(['foo', -1]), ['foo', -1]);
    for (const args of [[1], ['foo'], [1, 'foo'], ['foo', 'foo'], ['foo', '1'], ['foo', 2.3]]) {
      assert.equal(failure(signature, args), 'No matching signature.');
    }
  });

  it('an optional parameter in the middle is skipped when the next argument does not fit it', () => {
    const signature = new APISignature('test.stringOptionalIntAndBool', [str('string'), int('int', true), { name: 'bool', type: 'boolean' }]);
    assert.deepEqual(signature.parse(['foo', 42, true]), ['foo', 42, true]);
    assert.deepEqual(signature.parse(['foo', true]), ['foo', undefined, true]);
    assert.equal(failure(signature, ['foo', 'bar', true]), 'No matching signature.');
  });

  it('a method without parameters accepts no arguments, not even undefined', () => {
    const signature = new APISignature('test.noArgs', []);
    assert.deepEqual(signature.parse([]), []);
    for (const args of [[0], [''], [null], [undefined]]) assert.equal(failure(signature, args), 'No matching signature.');
  });

  it('null and undefined fill an optional slot as omitted', () => {
    const signature = new APISignature('test.optionalCallback', [{ name: 'callback', type: 'function', optional: true }]);
    const fn = (): void => {};
    assert.deepEqual(signature.parse([fn]), [fn]);
    assert.deepEqual(signature.parse([]), [undefined]);
    assert.deepEqual(signature.parse([undefined]), [undefined]);
    assert.deepEqual(signature.parse([null]), [undefined]);
    assert.equal(failure(signature, [0]), 'No matching signature.');
  });

  it('null is not "omitted" for a required parameter', () => {
    assert.equal(failure(new APISignature('test.m', [str('s')]), [null]), 'No matching signature.');
    assert.equal(failure(new APISignature('test.m', [str('s')]), [undefined]), 'No matching signature.');
  });

  it('an optional integer before a callback: a lone function is the callback', () => {
    const signature = new APISignature('test.optionalIntAndCallback', [int('int', true), { name: 'callback', type: 'function', optional: true }]);
    const fn = (): void => {};
    assert.deepEqual(signature.parse([1, fn]), [1, fn]);
    assert.deepEqual(signature.parse([fn]), [undefined, fn]);
  });

  it('a required any takes whatever is there, and values are checked after matching', () => {
    const signature = new APISignature('test.intAnyOptionalObjectOptionalCallback', [
      int('int'),
      { name: 'any', type: 'any' },
      { name: 'obj', type: 'object', optional: true, properties: { prop: { type: 'integer', optional: true } } },
      { name: 'callback', type: 'function', optional: true },
    ]);
    const fn = (): void => {};
    assert.deepEqual(signature.parse([4, { foo: 'bar' }, fn]), [4, { foo: 'bar' }, undefined, fn]);
    const [, , obj] = signature.parse([4, { foo: 'bar' }, {}]);
    assert.deepEqual({ ...(obj as object) }, {});
    assert.equal(failure(signature, [4, { foo: 'bar' }, { prop: 'foo' }]), "Error at parameter 'obj': Error at property 'prop': Invalid type: expected integer, found string.");
    assert.equal(failure(signature, [4, { foo: 'bar' }, { other: 'foo' }]), "Error at parameter 'obj': Unexpected property: 'other'.");
    // The matcher backtracks: the function cannot be obj, so it becomes the callback.
    assert.deepEqual(signature.parse([4, 'x', fn]), [4, 'x', undefined, fn]);
  });

  it('an optional integer before a required number: one number is the required one', () => {
    const signature = new APISignature('test.optionalIntAndNumber', [int('int', true), { name: 'num', type: 'number' }]);
    assert.deepEqual(signature.parse([1, 2.5]), [1, 2.5]);
    assert.deepEqual(signature.parse([1]), [undefined, 1]);
    assert.deepEqual(signature.parse([2.5]), [undefined, 2.5]);
    assert.equal(failure(signature, [1.5, 2]), 'No matching signature.');
  });

  it('an optional integer before a required integer: backtracking gives a lone value to the required one', () => {
    const signature = new APISignature('test.optionalIntAndInt', [int('int', true), int('int2')]);
    assert.deepEqual(signature.parse([1, 2]), [1, 2]);
    assert.deepEqual(signature.parse([1]), [undefined, 1]);
    assert.deepEqual(signature.parse([null, 1]), [undefined, 1]);
    assert.equal(failure(signature, [1, null]), 'No matching signature.');
  });

  it('more arguments than parameters is "No matching signature."', () => {
    assert.equal(failure(new APISignature('test.m', [str('s', true)]), ['a', 'b']), 'No matching signature.');
  });

  it('the argument checks run in parameter order; the first failing one is reported', () => {
    const spec: ParamSpec = { name: 'a', type: 'object', properties: { x: { type: 'integer', minimum: 0 } } };
    const signature = new APISignature('test.m', [spec, { ...spec, name: 'b' }]);
    assert.equal(failure(signature, [{ x: -1 }, { x: -2 }]), "Error at parameter 'a': Error at property 'x': Value must be at least 0.");
  });

  it('a failed parse throws in the realm it is given', () => {
    const realm = { TypeError: runInNewContext('TypeError') as TypeErrorConstructor };
    const error: unknown = (() => {
      try {
        new APISignature('test.m', [str('s')]).parse([], realm);
      } catch (thrown) {
        return thrown;
      }
    })();
    assert.ok(error instanceof realm.TypeError);
    assert.ok(!(error instanceof TypeError));
    assert.equal((error as Error).message, 'Error in invocation of test.m(string s): No matching signature.');
  });
});

// Cases ported from extensions/renderer/bindings/argument_spec_unittest.cc (Test, TypeErrors).
describe('ArgumentSpec: values', () => {
  it('integer accepts int32 values and -0 (as 0); 1.5, NaN, Infinity and 2^31 are "number"', () => {
    const spec: TypeSpec = { type: 'integer' };
    for (const value of [1, -1, 0, 0.0, -2147483648, 2147483647]) assert.deepEqual(single(spec).parse([value]), [value]);
    const [negativeZero] = single(spec).parse([-0]);
    assert.ok(Object.is(negativeZero, 0), '-0 comes out as +0');
    const nested = (value: unknown): string =>
      valueError({ type: 'object', properties: { v: spec } }, { v: value });
    assert.equal(nested(1.1), "Error at property 'v': Invalid type: expected integer, found number.");
    assert.equal(nested(NaN), "Error at property 'v': Invalid type: expected integer, found number.");
    assert.equal(nested(Infinity), "Error at property 'v': Invalid type: expected integer, found number.");
    assert.equal(nested(2 ** 31), "Error at property 'v': Invalid type: expected integer, found number.");
    assert.equal(nested('1'), "Error at property 'v': Invalid type: expected integer, found string.");
    assert.equal(nested({}), "Error at property 'v': Invalid type: expected integer, found object.");
    assert.equal(nested([1]), "Error at property 'v': Invalid type: expected integer, found array.");
  });

  it('number accepts any number', () => {
    for (const value of [1, -1, 0, 1.1, 0.1]) assert.deepEqual(single({ type: 'number' }).parse([value]), [value]);
    assert.equal(valueError({ type: 'object', properties: { v: { type: 'number' } } }, { v: '1.1' }), "Error at property 'v': Invalid type: expected number, found string.");
  });

  it('minimum: below it is "Value must be at least <n>."', () => {
    const spec: TypeSpec = { type: 'integer', minimum: 1 };
    assert.deepEqual(single(spec).parse([2]), [2]);
    assert.deepEqual(single(spec).parse([1]), [1]);
    assert.equal(valueError(spec, 0), 'Value must be at least 1.');
    assert.equal(valueError(spec, -1), 'Value must be at least 1.');
    assert.equal(valueError({ type: 'number', minimum: 0 }, -0.5), 'Value must be at least 0.');
  });

  it('the found type names are those of api_invocation_errors.cc', () => {
    assert.equal(foundTypeName(null), 'null');
    assert.equal(foundTypeName(undefined), 'undefined');
    assert.equal(foundTypeName(3), 'integer');
    assert.equal(foundTypeName(-0), 'number');
    assert.equal(foundTypeName(3.5), 'number');
    assert.equal(foundTypeName(true), 'boolean');
    assert.equal(foundTypeName('s'), 'string');
    assert.equal(foundTypeName([]), 'array');
    assert.equal(foundTypeName(() => {}), 'function');
    assert.equal(foundTypeName(new ArrayBuffer(1)), 'binary');
    assert.equal(foundTypeName(new Uint8Array(1)), 'binary');
    assert.equal(foundTypeName({}), 'object');
    assert.equal(foundTypeName(Symbol('s')), 'other');
    assert.equal(foundTypeName(1n), 'other');
  });

  it('object excludes arrays, functions and null; a Proxy around an array is an object', () => {
    const nested = (value: unknown): string => valueError({ type: 'object', properties: { v: { type: 'object' } } }, { v: value });
    assert.equal(nested([]), "Error at property 'v': Invalid type: expected object, found array.");
    assert.equal(nested(() => {}), "Error at property 'v': Invalid type: expected object, found function.");
    assert.equal(failure(single({ type: 'object' }), [null]), 'No matching signature.');
    assert.deepEqual(single({ type: 'object' }).parse([new Proxy([], {})]).length, 1);
  });

  it('object: declared properties are kept, null/undefined ones dropped, into a null-prototype copy', () => {
    const spec: TypeSpec = { type: 'object', properties: { prop1: { type: 'string' }, prop2: { type: 'integer', optional: true } } };
    const input = { prop1: 'foo', prop2: null };
    const [parsed] = single(spec).parse([input]);
    assert.notEqual(parsed, input);
    assert.equal(Object.getPrototypeOf(parsed), null);
    assert.deepEqual({ ...(parsed as object) }, { prop1: 'foo' });
    assert.deepEqual({ ...(single(spec).parse([{ prop1: 'foo', prop2: 2 }])[0] as object) }, { prop1: 'foo', prop2: 2 });
  });

  it('object: wrong property types, missing required and unknown properties', () => {
    const spec: TypeSpec = { type: 'object', properties: { prop1: { type: 'string' }, prop2: { type: 'integer', optional: true } } };
    assert.equal(valueError(spec, { prop1: 'foo', prop2: 'bar' }), "Error at property 'prop2': Invalid type: expected integer, found string.");
    assert.equal(valueError(spec, { prop2: 2 }), "Missing required property 'prop1'.");
    assert.equal(valueError(spec, { prop1: undefined }), "Missing required property 'prop1'.");
    assert.equal(valueError(spec, { prop1: 'foo', prop2: 2, prop3: 'blah' }), "Unexpected property: 'prop3'.");
    // Properties are checked in the object's order: the first problem found wins.
    assert.equal(valueError(spec, { prop3: 'blah', prop2: 'bar' }), "Unexpected property: 'prop3'.");
    assert.equal(valueError(spec, { prop2: 'bar', prop3: 'blah' }), "Error at property 'prop2': Invalid type: expected integer, found string.");
  });

  it('object: only own enumerable properties count', () => {
    const spec: TypeSpec = { type: 'object', properties: { prop1: { type: 'string' }, prop2: { type: 'integer', optional: true } } };
    const inherited = Object.create({ prop1: 'foo' }) as object;
    assert.equal(valueError(spec, inherited), "Missing required property 'prop1'.");
    const hidden = { prop1: 'foo' };
    Object.defineProperty(hidden, 'prop2', {
      get: () => {
        throw new Error('Badness');
      },
    });
    assert.deepEqual({ ...(single(spec).parse([hidden])[0] as object) }, { prop1: 'foo' });
    assert.deepEqual({ ...(single(spec).parse([{ prop1: 'foo', [Symbol('s')]: 1 }])[0] as object) }, { prop1: 'foo' });
  });

  it('object: a self-referential property fails on its type', () => {
    const spec: TypeSpec = { type: 'object', properties: { prop1: { type: 'string' } } };
    const x: Record<string, unknown> = {};
    x.prop1 = x;
    assert.equal(valueError(spec, x), "Error at property 'prop1': Invalid type: expected string, found object.");
  });

  it('object with additionalProperties any: anything goes and the object itself is passed on', () => {
    const spec: TypeSpec = { type: 'object', additionalProperties: { type: 'any' } };
    const input = { a: 1, b: () => {}, c: null };
    assert.equal(single(spec).parse([input])[0], input);
  });

  it('object with additionalProperties of a type: extra properties are checked against it', () => {
    const spec: TypeSpec = { type: 'object', properties: { known: { type: 'boolean', optional: true } }, additionalProperties: { type: 'string' } };
    assert.equal(valueError(spec, { extra: 1 }), "Error at property 'extra': Invalid type: expected string, found integer.");
    assert.equal(valueError(spec, { known: 'x' }), "Error at property 'known': Invalid type: expected boolean, found string.");
  });

  it('object: several missing required properties are reported in key order', () => {
    const spec: TypeSpec = { type: 'object', properties: { zeta: { type: 'string' }, alpha: { type: 'string' } } };
    assert.equal(valueError(spec, {}), "Missing required property 'alpha'.");
  });

  it('a property name is cut at a NUL, as Chromium uses it as a C string', () => {
    const spec: TypeSpec = { type: 'object', properties: { name: { type: 'string', optional: true } } };
    assert.equal(valueError(spec, { 'bad\0name': 1 }), "Unexpected property: 'bad'.");
    assert.deepEqual({ ...(single(spec).parse([{ 'name\0x': 'n' }])[0] as object) }, { name: 'n' });
  });

  it('values from another realm are classified the same way', () => {
    const foreign = runInNewContext('({ obj: { prop: 1 }, arr: [1], fn: function () {}, buf: new Uint8Array(1) })') as Record<string, unknown>;
    assert.equal(foundTypeName(foreign.obj), 'object');
    assert.equal(foundTypeName(foreign.arr), 'array');
    assert.equal(foundTypeName(foreign.fn), 'function');
    assert.equal(foundTypeName(foreign.buf), 'binary');
    const spec: TypeSpec = { type: 'object', properties: { prop: { type: 'integer' } } };
    assert.deepEqual({ ...(single(spec).parse([foreign.obj])[0] as object) }, { prop: 1 });
    assert.equal(failure(single(spec), [foreign.arr]), 'No matching signature.');
  });
});
