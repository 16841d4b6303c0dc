import { COULD_NOT_SERIALIZE, MESSAGE_TOO_LARGE, MESSAGE_TOO_LARGE_LEGACY } from './errors.ts';

/** mojom::kMaxMessageBytes: the UTF-8 JSON text may be at most this long. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * How deeply a message may nest. Chrome's JSON serializer runs out of stack: from a page's main
 * thread (content scripts, extension pages, web pages) past 4,774 nested arrays or 5,172 nested
 * objects, from a service worker's thread past half as many (observed in Chromium 156, as
 * COULD_NOT_SERIALIZE). An array level takes 13 units of the budget, an object level 12.
 * The limit moves a few levels with the depth of the call (port.postMessage allows about 5 more).
 */
export const NESTING_BUDGET = { mainThread: 62_070, serviceWorker: 31_038 } as const;

/** A value JSON.parse can give. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A message as it crosses between contexts, never an object any context's code holds:
 * - `data`: what a context sent, as the JSON value the receiver will parse, made at the call;
 * - `text`: JSON text, as a native host wrote it (which may not be JSON at all) or as one reads it.
 */
/** A message as it crosses; `userGesture` when the sender had one (extensions::Message::user_gesture). */
export type SerializedMessage = ({ readonly kind: 'data'; readonly data: JsonValue } | { readonly kind: 'text'; readonly text: string }) & {
  readonly userGesture?: boolean;
};

export class SerializationError extends Error {}

/** The host's JSON.stringify as it was at load, for a snapshot's text: plain data, nothing of a realm runs. */
const stringifyData = JSON.stringify;

/**
 * The JSON text of plain data, as JSON.stringify writes it, at any depth the nesting budget allows:
 * the host's own JSON.stringify gives up at about 4,000 levels, a page's messages may have 5,172.
 */
export function dataText(data: JsonValue): string {
  try {
    return stringifyData(data);
  } catch {
    // Deeper than the host's stack: write it level by level.
  }
  const parts: string[] = [];
  const open: { readonly value: JsonValue[] | { [key: string]: JsonValue }; readonly keys: string[] | undefined; index: number }[] = [];
  const write = (value: JsonValue): void => {
    if (typeof value !== 'object' || value === null) parts.push(stringifyData(value));
    else if (Array.isArray(value)) {
      parts.push('[');
      open.push({ value, keys: undefined, index: 0 });
    } else {
      parts.push('{');
      open.push({ value, keys: Object.keys(value), index: 0 });
    }
  };
  write(data);
  while (open.length > 0) {
    const level = open[open.length - 1]!;
    const { value, keys } = level;
    const index = level.index++;
    if (index === (keys ?? (value as JsonValue[])).length) {
      parts.push(keys ? '}' : ']');
      open.pop();
      continue;
    }
    if (index > 0) parts.push(',');
    if (keys) {
      parts.push(stringifyData(keys[index]!), ':');
      write((value as { [key: string]: JsonValue })[keys[index]!]!);
    } else write((value as JsonValue[])[index]!);
  }
  return parts.join('');
}

/** JSON.stringify without the text: the snapshot half of a realm's JSON cloner (src/api/json-clone). */
export interface JsonSnapshotter {
  /**
   * The value as JSON would carry it, and an upper bound of its text's UTF-8 length; throws what
   * JSON.stringify throws, and a RangeError past `nestingBudget` (see NESTING_BUDGET).
   */
  snapshot(value: unknown, nestingBudget?: number): { readonly data: JsonValue | undefined; readonly maxBytes: number };
  /** The exact UTF-8 length of the JSON text of `data`. */
  textBytes(data: JsonValue): number;
}

export interface SerializeOptions {
  /** The error text of Chrome before M123 for a message over the limit. */
  readonly legacySizeError?: boolean;
  /** The sending realm's snapshotter; without one, the message crosses as the text of `stringify`. */
  readonly snapshotter?: JsonSnapshotter;
  /** The sending thread's NESTING_BUDGET; without one, only the host's stack limits nesting. */
  readonly nestingBudget?: number;
  /** The sending realm's JSON.stringify, for text without a snapshotter, so that toJSON and getters run there. */
  readonly stringify?: (value: unknown) => string | undefined;
  /**
   * Serialize to text: for a native host, which reads exactly what JSON.stringify writes. With a
   * snapshotter the text is written from the snapshot, so that the nesting budget holds here too.
   */
  readonly asText?: boolean;
}

/**
 * messaging_util.cc MessageFromV8UsingJSON: a top-level `undefined` becomes `null`, then
 * JSON.stringify; a throw or an `undefined` result is COULD_NOT_SERIALIZE; over
 * MAX_MESSAGE_BYTES of UTF-8, MESSAGE_TOO_LARGE. The snapshot runs the same steps without
 * writing the text, which only a native host needs: its text is then written from the snapshot.
 */
export function serializeMessage(value: unknown, options: SerializeOptions = {}): SerializedMessage {
  const top = value === undefined ? null : value;
  const snapshotter = options.snapshotter;
  if (snapshotter) {
    let snapshot: ReturnType<JsonSnapshotter['snapshot']>;
    try {
      snapshot = snapshotter.snapshot(top, options.nestingBudget);
    } catch {
      throw new SerializationError(COULD_NOT_SERIALIZE);
    }
    const data = snapshot.data;
    if (data === undefined) throw new SerializationError(COULD_NOT_SERIALIZE);
    if (snapshot.maxBytes > MAX_MESSAGE_BYTES && snapshotter.textBytes(data) > MAX_MESSAGE_BYTES) throw tooLarge(options);
    // The snapshot is what the realm's JSON.stringify sees, so its text is the text a host reads.
    return options.asText ? { kind: 'text', text: dataText(data) } : { kind: 'data', data };
  }
  const stringify = options.stringify ?? JSON.stringify;
  let json: string | undefined;
  try {
    json = stringify(top);
  } catch {
    throw new SerializationError(COULD_NOT_SERIALIZE);
  }
  if (json === undefined) throw new SerializationError(COULD_NOT_SERIALIZE);
  // Each UTF-16 unit is at most 3 UTF-8 bytes; count exactly only when the text could be over.
  if (json.length * 3 > MAX_MESSAGE_BYTES && Buffer.byteLength(json, 'utf8') > MAX_MESSAGE_BYTES) throw tooLarge(options);
  return { kind: 'text', text: json };
}

function tooLarge(options: SerializeOptions): SerializationError {
  return new SerializationError(options.legacySizeError ? MESSAGE_TOO_LARGE_LEGACY : MESSAGE_TOO_LARGE);
}

/** A message as text, for a native host. Senders to a host serialize with `asText`; data is plain. */
export function messageText(message: SerializedMessage): string {
  return message.kind === 'text' ? message.text : dataText(message.data);
}

/** A native host's message, as it crosses to the context. */
export function textMessage(text: string): SerializedMessage {
  return { kind: 'text', text };
}
