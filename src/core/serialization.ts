import { COULD_NOT_SERIALIZE, MESSAGE_TOO_LARGE, MESSAGE_TOO_LARGE_LEGACY } from './errors.ts';

/** mojom::kMaxMessageBytes: the UTF-8 JSON text may be at most this long. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A message as it crosses between contexts: JSON text, never a shared object. */
export type SerializedMessage = string;

export class SerializationError extends Error {}

/**
 * messaging_util.cc MessageFromV8UsingJSON: a top-level `undefined` becomes `null`, then
 * JSON.stringify; a throw or an `undefined` result is COULD_NOT_SERIALIZE.
 * `stringify` is the sending context's own JSON.stringify, so toJSON and getters run there.
 */
export function serializeMessage(
  value: unknown,
  options: { legacySizeError?: boolean; stringify?: (value: unknown) => string | undefined } = {},
): SerializedMessage {
  const stringify = options.stringify ?? JSON.stringify;
  let json: string | undefined;
  try {
    json = stringify(value === undefined ? null : value);
  } catch {
    throw new SerializationError(COULD_NOT_SERIALIZE);
  }
  if (json === undefined) throw new SerializationError(COULD_NOT_SERIALIZE);
  // Each UTF-16 unit is at most 3 UTF-8 bytes; count exactly only when the text could be over.
  if (json.length * 3 > MAX_MESSAGE_BYTES && Buffer.byteLength(json, 'utf8') > MAX_MESSAGE_BYTES) {
    throw new SerializationError(options.legacySizeError ? MESSAGE_TOO_LARGE_LEGACY : MESSAGE_TOO_LARGE);
  }
  return json;
}
