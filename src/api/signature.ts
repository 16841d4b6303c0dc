import { types } from 'node:util';
import {
  NO_MATCHING_SIGNATURE,
  argumentError,
  indexError,
  invalidEnumValue,
  invalidType,
  invocationError,
  missingRequiredProperty,
  propertyError,
  tooLow,
  unexpectedProperty,
} from '../core/errors.ts';
import { HOST_REALM, bindingError, type Realm } from './realm.ts';

/**
 * API argument parsing as Chromium's native bindings do it
 * (extensions/renderer/bindings/api_signature.cc and argument_spec.cc, the V8 flavour used by
 * the messaging hooks). Every check is realm-independent: arguments may come from a `vm` context.
 */

export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'function' | 'any';

/** The schema of one value, as in the API's JSON schema (runtime.json, tabs.json). */
export interface TypeSpec {
  readonly type: ParamType;
  readonly optional?: boolean;
  /** integer/number only; Chromium reads it with FindInt, so it is an integer. */
  readonly minimum?: number;
  /** object only: the allowed properties; any other property is an error... */
  readonly properties?: Readonly<Record<string, TypeSpec>>;
  /** ...unless this is given. It also makes Chromium pass the object through unconverted. */
  readonly additionalProperties?: TypeSpec;
  /** string only: the allowed values (an enum of the schema). */
  readonly enum?: readonly string[];
  /** A named type of the schema ("runtime.ContextFilter"), as the expected signature names it. */
  readonly ref?: string;
  /** array only: each element's schema. */
  readonly items?: TypeSpec;
}

export interface ParamSpec extends TypeSpec {
  readonly name: string;
}

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const fail = (error: string): Parsed => ({ ok: false, error });
const ok = (value: unknown): Parsed => ({ ok: true, value });

// api_invocation_errors.cc kType*: the names used for expected and found types.
const TYPE_NAMES: Readonly<Record<ParamType, string>> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  function: 'function',
  any: 'any',
};

/** v8::Value::IsInt32: -0 is not an int32 (it is a heap number). */
function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -0x80000000 && value <= 0x7fffffff && !Object.is(value, -0);
}

/** v8::Value::IsArray is true only for real arrays, not for a Proxy around one. */
function isArray(value: unknown): boolean {
  return Array.isArray(value) && !types.isProxy(value);
}

/** argument_spec.cc GetV8ValueTypeString: the "found" half of `Invalid type`. */
export function foundTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return isInt32(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (isArray(value)) return 'array';
  if (typeof value === 'function') return 'function';
  if (types.isArrayBuffer(value) || types.isArrayBufferView(value)) return 'binary';
  if (typeof value === 'object') return 'object';
  return 'other'; // symbol, bigint: Chromium does not name them either
}

/** ArgumentSpec::IsCorrectType. */
function isCorrectType(spec: TypeSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'integer':
      // -0 is a double to V8 but counts as an integer here.
      return typeof value === 'number' && (isInt32(value) || value === 0);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'object':
      // Functions and arrays are excluded so that optional object + callback stays unambiguous.
      return typeof value === 'object' && value !== null && !isArray(value);
    case 'array':
      return isArray(value);
    case 'function':
      return typeof value === 'function';
    case 'any':
      return true;
  }
}

/** ArgumentSpec::ParseArgument (V8 output): type check, bounds, object conversion. */
function parseValue(spec: TypeSpec, value: unknown): Parsed {
  if (!isCorrectType(spec, value)) return fail(invalidType(TYPE_NAMES[spec.type], foundTypeName(value)));
  switch (spec.type) {
    case 'integer': {
      const int = value === 0 ? 0 : (value as number); // -0 comes out as 0
      return belowMinimum(spec, int) ? fail(tooLow(spec.minimum as number)) : ok(int);
    }
    case 'number':
      // TODO: Chromium rejects NaN and ±Infinity here with api_errors::NumberIsNaNOrInfinity,
      // a string errors.ts does not have yet. No messaging parameter is a number.
      return belowMinimum(spec, value as number) ? fail(tooLow(spec.minimum as number)) : ok(value);
    case 'object':
      return parseObject(spec, value as object);
    case 'array': {
      const elements = Array.from(value as unknown[]);
      if (!spec.items) return ok(elements);
      const parsed: unknown[] = [];
      for (const [index, element] of elements.entries()) {
        const item = parseValue(spec.items, element);
        if (!item.ok) return fail(indexError(index, item.error));
        parsed.push(item.value);
      }
      return ok(parsed);
    }
    case 'string':
      return spec.enum && !spec.enum.includes(value as string) ? fail(invalidEnumValue(spec.enum)) : ok(value);
    default:
      return ok(value);
  }
}

function belowMinimum(spec: TypeSpec, value: number): boolean {
  return spec.minimum !== undefined && value < spec.minimum;
}

/**
 * A JS string as Chromium's C++ sees it when it goes through UTF-8 (lone surrogates become
 * U+FFFD) into a C string, which ends at the first NUL: argument_spec.cc uses `*utf8_key` as a
 * const char*, and messaging_util.cc prints ids with "%s".
 */
export function asCString(key: string): string {
  const nul = key.indexOf('\0');
  const head = nul === -1 ? key : key.slice(0, nul);
  return head.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * ArgumentSpec::ParseArgumentToObject. Own enumerable string keys, in property order; each value
 * is read once (getters run). null/undefined values count as absent. Without additionalProperties
 * the result is a fresh null-prototype object holding only the declared, present properties.
 */
function parseObject(spec: TypeSpec, object: object): Parsed {
  // TODO: in Chromium a throwing getter or Proxy trap fails the parse with api_errors::
  // ScriptThrewError (the script's exception is swallowed by APIBinding::HandleCall's TryCatch).
  // errors.ts has no such string yet, so the script's own exception propagates instead.
  const properties = spec.properties ?? {};
  const convert = spec.additionalProperties === undefined;
  const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const seen = new Set<string>();
  for (const key of Object.keys(object)) {
    const name = asCString(key);
    let propertySpec: TypeSpec;
    let allowUnserializable = false;
    if (Object.hasOwn(properties, name)) {
      propertySpec = properties[name] as TypeSpec;
      seen.add(name);
    } else if (spec.additionalProperties) {
      propertySpec = { ...spec.additionalProperties, optional: true }; // always optional
      // additionalProperties {type: any} lets anything through, even what fails to parse.
      allowUnserializable = propertySpec.type === 'any';
    } else {
      return fail(unexpectedProperty(name));
    }
    const value: unknown = (object as Record<string, unknown>)[key];
    if (value === undefined || value === null) {
      if (!propertySpec.optional) return fail(missingRequiredProperty(name));
      continue;
    }
    const parsed = parseValue(propertySpec, value);
    if (!parsed.ok) {
      if (allowUnserializable) continue;
      return fail(propertyError(name, parsed.error));
    }
    if (convert) result[name] = parsed.value;
  }
  // properties_ is a std::map, so missing properties are reported in key order.
  for (const name of Object.keys(properties).sort()) {
    if (!properties[name]?.optional && !seen.has(name)) return fail(missingRequiredProperty(name));
  }
  return ok(convert ? result : object);
}

/** An omitted argument: Chromium holds an empty handle here (null in the V8 result). */
const OMITTED = Symbol('omitted');
type Slot = unknown;

/**
 * ArgumentParser::ResolveArguments: match provided arguments to parameters by basic type only.
 * An optional parameter accepts null/undefined as "omitted"; if the rest does not match, the
 * optional parameter is assumed to be left out and matching retries from the next one.
 */
function resolve(provided: readonly unknown[], expected: readonly ParamSpec[], out: Slot[], p = 0, e = 0): boolean {
  if (p === provided.length && e === expected.length) return true;
  if (provided.length - p > expected.length - e) return false;
  const spec = expected[e]!;
  // Each level writes its own slot only once the rest has matched, so a failed try leaves no trace
  // on the path that succeeds.
  if (p < provided.length) {
    const value = provided[p];
    const omitted = spec.optional && (value === null || value === undefined);
    if ((omitted || isCorrectType(spec, value)) && resolve(provided, expected, out, p + 1, e + 1)) {
      out[e] = omitted ? OMITTED : value;
      return true;
    }
  }
  if (spec.optional && resolve(provided, expected, out, p, e + 1)) {
    out[e] = OMITTED;
    return true;
  }
  return false;
}

/** One API method's signature, e.g. `runtime.sendMessage`. */
export class APISignature {
  readonly apiMethod: string;
  readonly params: readonly ParamSpec[];
  /** APISignature::GetExpectedSignature: "[optional ]<type> <name>" joined by ", ". */
  readonly expectedSignature: string;

  constructor(apiMethod: string, params: readonly ParamSpec[]) {
    this.apiMethod = apiMethod;
    this.params = params;
    this.expectedSignature = params
      .map((spec) => `${spec.optional ? 'optional ' : ''}${spec.ref ?? TYPE_NAMES[spec.type]} ${spec.name}`)
      .join(', ');
  }

  /** The TypeError Chromium throws for a failed call (APIBinding::HandleCall), in the caller's realm. */
  invocationError(detail: string, realm: Pick<Realm, 'TypeError'> = HOST_REALM): TypeError {
    return bindingError(realm, 'TypeError', invocationError(this.apiMethod, this.expectedSignature, detail));
  }

  /**
   * ParseArgumentsToV8: one slot per parameter, `undefined` where an optional one was omitted or
   * given null/undefined. Throws the invocation TypeError on failure.
   */
  parse(args: readonly unknown[], realm: Pick<Realm, 'TypeError'> = HOST_REALM): unknown[] {
    const slots: Slot[] = [];
    if (args.length > this.params.length || !resolve(args, this.params, slots)) {
      throw this.invocationError(NO_MATCHING_SIGNATURE, realm);
    }
    return this.params.map((spec, index) => {
      const slot = slots[index];
      if (slot === OMITTED) return undefined;
      const parsed = parseValue(spec, slot);
      if (!parsed.ok) throw this.invocationError(argumentError(spec.name, parsed.error), realm);
      return parsed.value;
    });
  }
}
