import { readFileSync } from 'node:fs';
import { types } from 'node:util';
import vm from 'node:vm';
import { dynamicImportFetchFailed } from '../core/errors.ts';
import type { JsonSnapshotter, JsonValue } from '../core/serialization.ts';

/**
 * A realm's JSON cloner (json-clone.js): messages cross between contexts as JSON values without
 * their text. The sender's realm snapshots the message at the call, as its JSON.stringify would
 * see it; each receiver's realm copies the snapshot into objects of its own, as its JSON.parse
 * would make them. Any realm may have one; a realm without one sends and receives JSON text.
 */
export interface JsonCloner extends JsonSnapshotter {
  /** Plain JSON data (a snapshot, or data the browser made) anew, of this realm's objects. */
  copy<T extends JsonValue>(data: T): T;
  /** The realm's own JSON.stringify, as it was before the realm's code could replace it. */
  stringify(value: unknown): string | undefined;
}

const SOURCE_URL = new URL('./json-clone.js', import.meta.url);
// A realm's eval that the cloner calls (a toJSON that is eval) compiles its import() as the
// cloner's, which is one script for every realm: it is refused with a string, of no realm at all.
const refuseImport = (specifier: string): never => {
  throw dynamicImportFetchFailed(specifier);
};
const script = new vm.Script(readFileSync(SOURCE_URL, 'utf8'), {
  filename: SOURCE_URL.href,
  importModuleDynamically: refuseImport as unknown as vm.ScriptOptions['importModuleDynamically'],
});

/** What the cloner asks of the host: internal-slot checks and UTF-8 lengths, which no realm can patch. */
const HOST = Object.freeze({
  isNumberObject: types.isNumberObject,
  isStringObject: types.isStringObject,
  isBooleanObject: types.isBooleanObject,
  isBigIntObject: types.isBigIntObject,
  byteLength: (text: string): number => Buffer.byteLength(text, 'utf8'),
});

type ClonerFactory = (host: typeof HOST) => JsonCloner;

/**
 * The cloner compiled in `vmContext`, or in the host realm without one. Compile it before the
 * realm's own code runs: it keeps the intrinsics it finds then.
 */
export function compileJsonCloner(vmContext?: vm.Context): JsonCloner {
  const factory = (vmContext ? script.runInContext(vmContext) : script.runInThisContext()) as ClonerFactory;
  return factory(HOST);
}
