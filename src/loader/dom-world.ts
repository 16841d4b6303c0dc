import vm from 'node:vm';
import type { ScriptContext } from '../core/context.ts';
import { bindRealm, createRealmContext, defineGlobal, type ContextRealm, type RealmGlobal } from './context-realm.ts';
import type { DocumentDom } from './dom.ts';
import { registerForeignRealm } from './realm-intrinsics.ts';
import { installWebGlobals } from './web-globals.ts';

/** The windows of the frames above a world's frame, or undefined where there is none. */
export interface FrameWindows {
  readonly top: () => unknown;
  readonly parent: () => unknown;
}

/**
 * A world of a document: its page's main world, or a content script's isolated world. Each is a
 * realm of its own (its own globals, its own Object and Array) over the document's jsdom window,
 * whose API (`document`, `location`, `addEventListener`, `HTMLElement`, …) it reaches through its
 * membrane only: jsdom's objects are the host's, and a world holds its own wrappers of them, as
 * each world of a page has its own in Chrome. So an expando set on a node in one world is not
 * seen in another, and nothing of jsdom or the host is reachable from either.
 *
 * `window`, `self`, `frames` and `globalThis` are the world's global, and so is the jsdom window
 * wherever the DOM hands it out (`document.defaultView`, an event's currentTarget). A page's own
 * global variables are its main world's; the main world keeps the window's own timers, an
 * isolated world has timers of its own on the browser's clock.
 */
export function createDomWorldRealm(context: ScriptContext, dom: DocumentDom, frames: FrameWindows): ContextRealm {
  registerForeignRealm(dom.vmContext);
  const page = dom.window as unknown as RealmGlobal;
  const vmContext = createRealmContext();
  const global = vm.runInContext('globalThis', vmContext) as RealmGlobal;
  const realm = bindRealm(context, vmContext, { substitutes: [[page, global]] });
  const { membrane } = realm;
  installWebGlobals(global, context, { timers: context.type === 'content_script' });
  for (const name of ['window', 'self', 'frames']) defineGlobal(global, name, global);
  // `window.top === window` in a main frame, as in Chrome; a subframe's top and parent are the
  // windows above it (every jsdom window thinks it is the top one).
  const above = (window: unknown): unknown => (window === undefined || window === page ? global : membrane.toRealm(window));
  for (const [name, find] of [['top', frames.top], ['parent', frames.parent]] as const) {
    Object.defineProperty(global, name, { configurable: true, enumerable: false, get: membrane.toRealm(() => above(find())) });
  }
  for (const name of dom.apiNames) {
    if (name in global) continue;
    Object.defineProperty(global, name, {
      configurable: true,
      enumerable: false,
      get: membrane.toRealm(() => page[name]),
      set: membrane.toRealm((value: unknown) => {
        page[name] = value;
      }),
    });
  }
  return realm;
}
