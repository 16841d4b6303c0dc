/**
 * The windows of a tab's frames as one world of a document sees them: its own window is its
 * global; a window of the same origin is reached through the world's membrane; a window of
 * another origin is a stand-in that allows only what HTML's cross-origin rules allow
 * (CrossOriginProperties: postMessage, location to navigate, frames, length, top, parent, closed,
 * close, focus, blur, window, self, opener) and throws Chrome's SecurityError for anything else.
 * Also window.postMessage between them, with the sender's origin and window.
 *
 * Observed in Chromium 156: conformance/isolation-cross-origin-window-access-is-restricted and
 * conformance/isolation-worlds-exchange-structured-clones.
 */
import type { ScriptContext } from '../core/context.ts';
import type { Document } from '../core/document.ts';
import type { Frame } from '../core/frame.ts';
import type { DocumentDom } from './dom.ts';
import { fireMessageEvent } from './jsdom-internals.ts';
import type { Membrane } from './membrane.ts';
import { PerRealmValue } from './per-realm-value.ts';
import { DataCloneFailure, serialize } from './structured-clone.ts';
import { SerializedMessage } from './world-values.ts';

/** The DOM of a document (BrowserDom.domOf). */
export type DomOf = (document: Document) => DocumentDom;

const worlds = new WeakMap<Membrane, WorldWindows>();
const worldsOfContexts = new WeakMap<ScriptContext, WorldWindows>();

/** The windows of a context's world, if it is a world of a document. */
export function worldWindowsOf(context: ScriptContext): WorldWindows | undefined {
  return worldsOfContexts.get(context);
}

/** A frame's window as the DOM hands it out (a message's `source`, an iframe's `contentWindow`): each world that reads it gets its own view of it. */
export function frameWindow(frame: Frame): object {
  return new FrameWindow(frame);
}

class FrameWindow extends PerRealmValue {
  constructor(private readonly frame: Frame) {
    super();
  }

  forRealm(membrane: Membrane): unknown {
    return worlds.get(membrane)?.windowOf(this.frame) ?? null;
  }
}

/** The windows one world of a document reaches. */
export class WorldWindows {
  readonly #crossOrigin = new WeakMap<Document, object>();
  #indices = 0;

  constructor(
    context: ScriptContext,
    readonly document: Document,
    private readonly global: Record<PropertyKey, unknown>,
    readonly membrane: Membrane,
    readonly domOf: DomOf,
  ) {
    worlds.set(membrane, this);
    worldsOfContexts.set(context, this);
  }

  /** The window of `frame` as this world sees it: its global, a same-origin window, or a cross-origin stand-in. */
  windowOf(frame: Frame): unknown {
    const other = frame.document;
    if (other === this.document) return this.global;
    if (other.origin === this.document.origin && other.origin !== 'null') return this.membrane.toRealm(this.domOf(other).window);
    let standIn = this.#crossOrigin.get(other);
    if (!standIn) {
      standIn = crossOriginWindow(this, other);
      this.#crossOrigin.set(other, standIn);
    }
    return standIn;
  }

  get top(): unknown {
    return this.windowOf(topOf(this.document.frame));
  }

  get parent(): unknown {
    return this.windowOf(this.document.frame.parent ?? this.document.frame);
  }

  /** The window of the document's child frame at `index` (`frames[0]`), if there is one. */
  child(document: Document, index: number): unknown {
    const frame = document.childFrames[index];
    return frame ? this.windowOf(frame) : undefined;
  }

  /** Gives the world's global an index property for each of its document's child frames. */
  syncFrameIndices(): void {
    for (; this.#indices < this.document.childFrames.length; this.#indices++) {
      const index = this.#indices;
      Object.defineProperty(this.global, String(index), {
        get: this.membrane.ownFunction(() => this.child(this.document, index)),
        enumerable: true,
        configurable: true,
      });
    }
  }

  /** window.postMessage from this world to `target`'s window. */
  postMessage(target: Document, args: readonly unknown[]): void {
    postWindowMessage(this.domOf, target, this.document, args);
  }
}

/** The main frame above `frame` (found up the tree: while a tab makes its frames, it has no mainFrame yet). */
function topOf(frame: Frame): Frame {
  let top = frame;
  while (top.parent) top = top.parent;
  return top;
}

/**
 * window.postMessage(message, targetOrigin | { targetOrigin }, transfer) to `target`'s window:
 * the message is serialized now (DataCloneError in the sender), then targetOrigin is checked
 * ("/" is the sender's origin; a mismatch drops the message, as Chrome does), and a task fires a
 * trusted `message` event with the sender's origin and window. `sender` is undefined where the
 * call came through a same-origin window's own method, which does not know its caller.
 */
export function postWindowMessage(domOf: DomOf, target: Document, sender: Document | undefined, args: readonly unknown[]): void {
  // What the sender is told is an error of its own window (of the target's, where it is unknown).
  const senderWindow = domOf(sender ?? target).window;
  const failed = (message: string, name: string) => new senderWindow.DOMException(`Failed to execute 'postMessage' on 'Window': ${message}`, name);
  if (args.length === 0) throw new TypeError("Failed to execute 'postMessage' on 'Window': 1 argument required, but only 0 present.");
  const [message, options] = args;
  const requested = options !== null && typeof options === 'object' ? (options as { targetOrigin?: unknown }).targetOrigin : options;
  let clone: unknown;
  try {
    clone = serialize(message);
  } catch (error) {
    if (error instanceof DataCloneFailure) throw failed(error.message, 'DataCloneError');
    throw error;
  }
  const source = sender ?? target;
  const targetOrigin = requested === undefined ? '/' : String(requested);
  if (targetOrigin !== '*') {
    const origin = targetOrigin === '/' ? source.origin : originOf(targetOrigin);
    if (origin === undefined) throw failed(`Invalid target origin '${targetOrigin}' in a call to 'postMessage'.`, 'SyntaxError');
    if (origin !== target.origin) return;
  }
  target.frame.browser.post(() => {
    if (target.lifecycle !== 'active') return;
    fireMessageEvent(domOf(target).window, { data: new SerializedMessage(clone), origin: source.origin, source: sender ? frameWindow(sender.frame) : null });
  });
}

/** A URL's origin, or undefined for one that is not a URL or whose origin is opaque. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The properties of a cross-origin window, in Chrome's order of its own keys (after the frame indices). */
const WINDOW_METHODS = ['blur', 'close', 'focus', 'postMessage'] as const;
const WINDOW_KEYS = ['window', 'self', 'location', 'closed', 'frames', 'length', 'top', 'opener', 'parent', ...WINDOW_METHODS, 'then'];
const LOCATION_KEYS = ['href', 'replace', 'then'];
/** Readable on any cross-origin object, as undefined (HTML's CrossOriginPropertyFallback). */
const FALLBACK_SYMBOLS: readonly PropertyKey[] = [Symbol.toStringTag, Symbol.hasInstance, Symbol.isConcatSpreadable];

type Trap = (...args: never[]) => unknown;

/**
 * The stand-in for `other`'s window in `world`: a proxy made by the world's own Proxy, whose
 * traps are the world's functions over this module's code (so that neither the page's changes to
 * its prototypes nor anything of the host reach them).
 */
function crossOriginWindow(world: WorldWindows, other: Document): object {
  const { membrane, document: viewer, domOf } = world;
  const { window } = domOf(viewer);
  const blocked = `Blocked a frame with origin "${viewer.origin}" from accessing a cross-origin frame.`;
  const securityError = (message: string) => new window.DOMException(message, 'SecurityError');
  const named = (key: PropertyKey) => (typeof key === 'symbol' ? '' : ` '${key}'`);
  const own = membrane.ownFunction;
  const frame = other.frame;
  const navigate = (url: unknown) => {
    if (frame.document === other && frame.attached) frame.navigate(new URL(String(url), viewer.url).href);
  };

  const location = crossOriginObject(membrane, {
    interfaceName: 'Location',
    keys: LOCATION_KEYS,
    values: { replace: own((url: unknown) => navigate(url)) },
    accessors: { href: { set: own((url: unknown) => navigate(url)) } },
    blocked,
    securityError,
    named,
  });
  const view = (find: () => Frame | undefined) => own(() => {
    const found = find();
    return found ? world.windowOf(found) : null;
  });
  const self = view(() => frame);
  return crossOriginObject(membrane, {
    interfaceName: 'Window',
    keys: WINDOW_KEYS,
    indices: () => other.childFrames.length,
    index: (index) => world.child(other, index),
    values: {
      postMessage: own((...args: unknown[]) => postWindowMessage(domOf, other, viewer, args)),
      close: own(() => undefined),
      focus: own(() => undefined),
      blur: own(() => undefined),
    },
    accessors: {
      window: { get: self },
      self: { get: self },
      frames: { get: self },
      location: { get: own(() => location), set: own((url: unknown) => navigate(url)) },
      closed: { get: own(() => !frame.attached || frame.document !== other) },
      length: { get: own(() => other.childFrames.length) },
      top: { get: view(() => topOf(frame)) },
      parent: { get: view(() => frame.parent ?? frame) },
      opener: { get: own(() => null) },
    },
    blocked,
    securityError,
    named,
  });
}

interface CrossOriginShape {
  readonly interfaceName: string;
  readonly keys: readonly string[];
  readonly indices?: () => number;
  readonly index?: (index: number) => unknown;
  /** Methods: the same function at each read. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly accessors: Readonly<Record<string, { get?: unknown; set?: unknown }>>;
  readonly blocked: string;
  readonly securityError: (message: string) => unknown;
  readonly named: (key: PropertyKey) => string;
}

/** A cross-origin Window or Location: HTML's [[Get]], [[Set]], [[OwnPropertyKeys]]… for them. */
function crossOriginObject(membrane: Membrane, shape: CrossOriginShape): object {
  const { interfaceName, keys, values, accessors, blocked, securityError, named } = shape;
  const indexOf = (key: PropertyKey): number | undefined => {
    if (typeof key !== 'string' || shape.indices === undefined) return undefined;
    const index = Number(key);
    return String(index >>> 0) === key && index < shape.indices() ? index : undefined;
  };
  const allowed = (key: PropertyKey) => (typeof key === 'string' ? keys.includes(key) : FALLBACK_SYMBOLS.includes(key)) || indexOf(key) !== undefined;
  const describe = (key: PropertyKey): PropertyDescriptor => {
    const index = indexOf(key);
    if (index !== undefined) return { value: shape.index!(index), writable: false, enumerable: false, configurable: true };
    if (typeof key === 'string' && Object.hasOwn(values, key)) return { value: values[key], writable: false, enumerable: false, configurable: true };
    if (typeof key === 'string' && Object.hasOwn(accessors, key)) return { get: accessors[key]!.get as () => unknown, set: accessors[key]!.set as (value: unknown) => void, enumerable: false, configurable: true };
    return { value: undefined, writable: false, enumerable: false, configurable: true };
  };
  const traps: Record<string, Trap> = {
    get(_target: object, key: PropertyKey) {
      if (!allowed(key)) throw securityError(`Failed to read a named property${named(key)} from '${interfaceName}': ${blocked}`);
      const descriptor = describe(key);
      if ('value' in descriptor) return descriptor.value;
      if (descriptor.get === undefined) throw securityError(`Failed to read a named property${named(key)} from '${interfaceName}': ${blocked}`);
      return (descriptor.get as () => unknown)();
    },
    set(_target: object, key: PropertyKey, value: unknown) {
      const setter = typeof key === 'string' && Object.hasOwn(accessors, key) ? accessors[key]!.set : undefined;
      if (setter === undefined) throw securityError(`Failed to set a named property${named(key)} on '${interfaceName}': ${blocked}`);
      (setter as (value: unknown) => void)(value);
      return true;
    },
    has(_target: object, key: PropertyKey) {
      if (allowed(key)) return true;
      throw securityError(blocked);
    },
    getOwnPropertyDescriptor(_target: object, key: PropertyKey) {
      if (!allowed(key)) throw securityError(`Failed to read a named property${named(key)} from '${interfaceName}': ${blocked}`);
      return describe(key);
    },
    ownKeys() {
      const indices = shape.indices?.() ?? 0;
      return [...Array.from({ length: indices }, (_, index) => String(index)), ...keys, ...FALLBACK_SYMBOLS];
    },
    defineProperty() {
      throw securityError(blocked);
    },
    deleteProperty() {
      throw securityError(blocked);
    },
    getPrototypeOf: () => null,
    setPrototypeOf: (_target: object, prototype: unknown) => prototype === null,
    isExtensible: () => true,
    preventExtensions: () => false,
  };
  const handler = membrane.adoptClone({}) as Record<string, unknown>;
  for (const [name, trap] of Object.entries(traps)) handler[name] = membrane.ownFunction(trap);
  const RealmProxy = membrane.intrinsic('Proxy') as ProxyConstructor;
  return new RealmProxy(membrane.adoptClone({}) as object, handler as ProxyHandler<object>);
}
