/**
 * Chrome's rule for a message, computed without Switchboard: the sending renderer runs
 * JSON.stringify (messaging_util.cc MessageFromV8UsingJSON) on the message (`undefined` at the top
 * becoming null); a throw, an `undefined` result, or nesting past the thread's stack is
 * "Could not serialize message.", more than 64 MiB of UTF-8 is the size error, and what arrives is
 * JSON.parse of that text.
 */
import assert from 'node:assert/strict';
import { COULD_NOT_SERIALIZE, MESSAGE_TOO_LARGE } from '../../src/core/errors.ts';
import { MAX_MESSAGE_BYTES } from '../../src/core/serialization.ts';
import { build, type Plan } from './values.ts';

/** What one nesting level takes of Chrome's stack budget (NESTING_BUDGET's units, measured in Chromium 156). */
const ARRAY_LEVEL = 13;
const OBJECT_LEVEL = 12;

/** JSON.stringify's verdict on a value: its text, or that it has none. */
export type JsonText = { readonly text: string; readonly nesting: number; readonly bytes: number } | { readonly text: undefined };

export function jsonText(value: unknown): JsonText {
  let text: string | undefined;
  try {
    text = JSON.stringify(value === undefined ? null : value);
  } catch {
    return { text: undefined };
  }
  return verdict(text);
}

/**
 * The verdict on the value of `plan`. Node's own JSON.stringify gives up at about 4,000 levels, a
 * page may send 5,172: a deep chain's text is its innermost level's, wrapped level by level.
 */
export function planText(plan: Plan): JsonText {
  if (plan.t !== 'deep' || plan.depth === 0) return jsonText(build(plan));
  const { depth, kinds } = plan;
  const isArray = (level: number): boolean => kinds[level % kinds.length] === 'array';
  const leaf = build(plan.leaf);
  const innermost = jsonText(isArray(0) ? [leaf] : { a: leaf });
  if (innermost.text === undefined) return innermost;
  let open = '';
  let close = '';
  for (let level = depth - 1; level >= 1; level--) open += isArray(level) ? '[' : '{"a":';
  for (let level = 1; level < depth; level++) close += isArray(level) ? ']' : '}';
  return verdict(open + innermost.text + close);
}

function verdict(text: string | undefined): JsonText {
  if (text === undefined) return { text: undefined };
  // Each UTF-16 unit is at most 3 UTF-8 bytes: count exactly only near the limit.
  const bytes = text.length * 3 > MAX_MESSAGE_BYTES ? Buffer.byteLength(text, 'utf8') : text.length;
  return { text, nesting: nestingCost(text), bytes };
}

/** The deepest path's share of the stack budget, read off the JSON text (brackets outside strings). */
export function nestingCost(text: string): number {
  if (!/[[{]/.test(text)) return 0;
  let cost = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to the next quote after an even run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        let backslashes = 0;
        while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 0x5b) cost += ARRAY_LEVEL;
    else if (c === 0x7b) cost += OBJECT_LEVEL;
    else if (c === 0x5d) cost -= ARRAY_LEVEL;
    else if (c === 0x7d) cost -= OBJECT_LEVEL;
    if (cost > deepest) deepest = cost;
  }
  return deepest;
}

/** What the sender sees (sent, with the text that crosses) or the error it gets, for a thread's budget. */
export type Outcome = { readonly sent: true; readonly text: string } | { readonly sent: false; readonly error: string };

export function outcome(json: JsonText, nestingBudget: number): Outcome {
  if (json.text === undefined || json.nesting > nestingBudget) return { sent: false, error: COULD_NOT_SERIALIZE };
  if (json.bytes > MAX_MESSAGE_BYTES) return { sent: false, error: MESSAGE_TOO_LARGE };
  return { sent: true, text: json.text };
}

/**
 * `received` is what JSON.parse gives of the text (`expected`, parsed once for every receiver):
 * the same values, keys in the same order, plain objects and dense arrays of the host's realm with
 * own enumerable data properties only. Iterative: messages nest deeper than node:assert (or
 * JSON.stringify) can go.
 */
export function assertArrivedAs(received: unknown, expected: unknown, where: string): void {
  if (!sameValue(received, expected)) assert.fail(mismatch(received, expected, where, undefined));
  // Containers whose children are still to compare; primitives are compared as they are met.
  const pending: [object, object, Path][] = [];
  if (typeof expected === 'object' && expected !== null) pending.push([received as object, expected, undefined]);
  while (pending.length > 0) {
    const [actual, model, path] = pending.pop()!;
    let children: [unknown, unknown, string][];
    if (Array.isArray(model)) {
      const list = actual as unknown[];
      if (list.length !== model.length) assert.fail(`${at(where, path)}: ${list.length} elements arrived, expected ${model.length}`);
      children = [];
      for (let i = 0; i < model.length; i++) {
        if (!Object.hasOwn(list, i)) assert.fail(`${at(where, path)}: a hole at ${i}`);
        children.push([list[i], model[i], String(i)]);
      }
    } else {
      const keys = Reflect.ownKeys(actual);
      const modelKeys = Object.keys(model);
      if (keys.length !== modelKeys.length || keys.some((key, i) => key !== modelKeys[i])) {
        assert.fail(`${at(where, path)}: keys ${preview(keys.map(String).join())}, expected ${preview(modelKeys.join())}`);
      }
      children = [];
      for (const key of modelKeys) {
        const descriptor = Object.getOwnPropertyDescriptor(actual, key)!;
        if (!('value' in descriptor && descriptor.writable && descriptor.enumerable && descriptor.configurable)) assert.fail(`${at(where, path)}: ${key} is not a plain data property`);
        children.push([descriptor.value, (model as Record<string, unknown>)[key], key]);
      }
    }
    for (const [child, modelChild, key] of children) {
      if (!sameValue(child, modelChild)) assert.fail(mismatch(child, modelChild, where, { parent: path, key }));
      if (typeof modelChild === 'object' && modelChild !== null) pending.push([child as object, modelChild, { parent: path, key }]);
    }
  }
}

/** Equal primitives (Object.is), or a plain object or array where the model has one. */
function sameValue(actual: unknown, model: unknown): boolean {
  if (typeof model !== 'object' || model === null) return Object.is(actual, model);
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual) !== Array.isArray(model)) return false;
  return Object.getPrototypeOf(actual) === (Array.isArray(model) ? Array.prototype : Object.prototype);
}

/** (Written only on failure: String() of a deep array would overflow the stack.) */
function mismatch(actual: unknown, model: unknown, where: string, path: Path): string {
  const describe = (value: unknown): string =>
    typeof value === 'object' && value !== null
      ? Array.isArray(value)
        ? 'an array'
        : 'an object'
      : Object.is(value, -0)
        ? '-0'
        : preview(typeof value === 'string' ? JSON.stringify(value) : String(value));
  return `${at(where, path)}: ${describe(actual)} arrived, expected ${describe(model)}`;
}

/** Where in a message: written out only for a failure's text. */
type Path = { readonly parent: Path; readonly key: string } | undefined;

function at(where: string, path: Path): string {
  const keys: string[] = [];
  for (let node = path; node; node = node.parent) keys.push(node.key);
  const shown = keys.length > 8 ? ['…', ...keys.slice(0, 8).reverse()] : keys.reverse();
  return `${where} at $${shown.map((key) => `[${JSON.stringify(key)}]`).join('')} (${keys.length} levels in)`;
}

function preview(text: string | undefined): string {
  if (text === undefined) return 'nothing';
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} units)` : text;
}
