import vm from 'node:vm';
import type { ScriptContext } from '../core/context.ts';
import { bindRealm, defineGlobal, type ContextRealm, type RealmGlobal } from './context-realm.ts';
import type { DocumentDom } from './dom.ts';
import { installWebGlobals } from './web-globals.ts';

/** The windows of the frames above a content script's frame, or undefined where there is none. */
export interface FrameWindows {
  readonly top: () => unknown;
  readonly parent: () => unknown;
}

/**
 * A content script's isolated world: a realm of its own (its own globals, its own Object and
 * Array) that shares the page's DOM. `window`, `self` and `globalThis` are the world's global;
 * the page window's API (`document`, `location`, `addEventListener`, `HTMLElement`, …) is
 * reachable from it, the page's own global variables are not.
 *
 * Unlike Chrome, DOM objects are the page's own wrappers, shared with the main world: an
 * expando property set on a node in one world is visible in the other.
 */
export function createIsolatedWorldRealm(context: ScriptContext, dom: DocumentDom, frames: FrameWindows): ContextRealm {
  const realm = bindRealm(context, vm.createContext({}));
  const global = realm.global;
  installWebGlobals(global, context, { timers: true });
  defineGlobal(global, 'window', global);
  defineGlobal(global, 'self', global);
  const page = dom.window as unknown as RealmGlobal;
  // `window.top === window` in a main frame's content script, as in Chrome; a subframe's top and
  // parent are the windows above it (every jsdom window thinks it is the top one).
  const above = (window: unknown): unknown => (window === undefined || window === page ? global : window);
  for (const [name, find] of [['top', frames.top], ['parent', frames.parent]] as const) {
    Object.defineProperty(global, name, { configurable: true, enumerable: false, get: () => above(find()) });
  }
  const bound = new Map<string, { original: unknown; bound: unknown }>();
  for (const name of dom.apiNames) {
    if (name in global) continue;
    Object.defineProperty(global, name, {
      configurable: true,
      enumerable: false,
      get() {
        const value = page[name];
        // Methods of Window need the window as `this`; constructors keep their identity.
        if (typeof value !== 'function' || 'prototype' in value) return value;
        let entry = bound.get(name);
        if (entry?.original !== value) {
          entry = { original: value, bound: (value as (...args: unknown[]) => unknown).bind(page) };
          bound.set(name, entry);
        }
        return entry.bound;
      },
      set(value: unknown) {
        page[name] = value;
      },
    });
  }
  return realm;
}
