import { schemaArrayItemError, schemaPropertyTypeError, schemaTypeError } from '../errors.ts';

/**
 * A manifest Chrome would refuse to load. The message is Chrome's own text; `key` names the
 * offending manifest key the way Chrome's messages do ("externally_connectable.matches[1]",
 * "content_scripts[0].matches[0]"), so tools can point at it; `file` is the manifest's path when
 * the manifest came from disk.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(
    message: string,
    readonly key: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/**
 * A problem Chrome reports but still loads the extension with (extensions/common/install_warning.h):
 * `key` is the manifest key it concerns, `specific` the offending value when there is one.
 */
export interface InstallWarning {
  readonly message: string;
  readonly key: string;
  readonly specific?: string;
}

export function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Reads an optional `DOMString[]` property the way the generated parsers do. Returns the list, or
 * the generated parser's error text (without the "Error at key '<manifest key>'" prefix).
 */
export function readOptionalStringList(dict: Record<string, unknown>, key: string): string[] | undefined | { error: string } {
  const value = dict[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return { error: schemaPropertyTypeError(key, 'list', value) };
  const items: unknown[] = value;
  for (const [index, item] of items.entries()) {
    if (typeof item !== 'string') return { error: schemaArrayItemError(key, index, schemaTypeError('string', item)) };
  }
  return items as string[];
}

/** Reads an optional boolean property; returns the generated parser's error text on a wrong type. */
export function readOptionalBoolean(dict: Record<string, unknown>, key: string): boolean | undefined | { error: string } {
  const value = dict[key];
  if (value === undefined || typeof value === 'boolean') return value;
  return { error: schemaPropertyTypeError(key, 'boolean', value) };
}
