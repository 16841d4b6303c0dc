/**
 * Values the DOM keeps on behalf of one world of a page and hands to any of them: a CustomEvent's
 * detail, a MessageEvent's data. In Chrome no object crosses between worlds: the world that made
 * the value reads it itself, another world reads a structured clone (Blink's
 * WorldSafeV8Reference), and a message is serialized when posted and deserialized for each world
 * that reads it. Observed in Chromium 156 (conformance/isolation-worlds-exchange-structured-clones):
 * a detail read in another world is a new clone at each read, or null when it cannot be cloned (a
 * function, a node, a window); a message's data is the same object at each read.
 */
import type { DOMWindow } from 'jsdom';
import type { Membrane } from './membrane.ts';
import { PerRealmValue } from './per-realm-value.ts';
import { serialize } from './structured-clone.ts';

/** A world's object the DOM holds: itself for its own world, a clone (or null) for another. */
class WorldSafeValue extends PerRealmValue {
  constructor(private readonly value: object) {
    super();
  }

  forRealm(membrane: Membrane): unknown {
    if (membrane.isOwn(this.value)) return this.value;
    try {
      return membrane.adoptClone(serialize(this.value));
    } catch {
      return null;
    }
  }
}

/** A posted message: serialized when sent, deserialized once for each world that reads it. */
export class SerializedMessage extends PerRealmValue {
  readonly #copies = new WeakMap<Membrane, unknown>();

  constructor(private readonly clone: unknown) {
    super();
  }

  forRealm(membrane: Membrane): unknown {
    if (!this.#copies.has(membrane)) this.#copies.set(membrane, membrane.adoptClone(this.clone));
    return this.#copies.get(membrane);
  }
}

/** Makes a window's CustomEvent.detail and MessageEvent.data values each world reads as its own. */
export function keepEventValuesPerWorld(window: DOMWindow): void {
  const interfaces = window as unknown as Record<string, { prototype: object }>;
  for (const [name, attribute] of [['CustomEvent', 'detail'], ['MessageEvent', 'data']] as const) {
    const prototype = interfaces[name]!.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, attribute)!;
    const read = descriptor.get!;
    Object.defineProperty(prototype, attribute, {
      ...descriptor,
      get(this: object) {
        const value = read.call(this) as unknown;
        if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return value;
        return PerRealmValue.is(value as object) ? value : new WorldSafeValue(value as object);
      },
    });
  }
}
