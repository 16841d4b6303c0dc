import vm from 'node:vm';
import type { ScriptContext } from '../core/context.ts';
import { bindRealm, createRealmContext, defineGlobal, type ContextRealm, type RealmGlobal } from './context-realm.ts';
import type { DocumentDom } from './dom.ts';
import { findSetter } from './membrane.ts';
import { registerForeignRealm } from './realm-intrinsics.ts';
import { WorldWindows, type DomOf } from './window-views.ts';
import { installWebGlobals } from './web-globals.ts';

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
export function createDomWorldRealm(context: ScriptContext, dom: DocumentDom, domOf: DomOf): ContextRealm {
  registerForeignRealm(dom.vmContext);
  const page = dom.window as unknown as RealmGlobal;
  const vmContext = createRealmContext();
  const global = vm.runInContext('globalThis', vmContext) as RealmGlobal;
  const realm = bindRealm(context, vmContext, { substitutes: [[page, global]], shared: dom.vmContext });
  const { membrane } = realm;
  installWebGlobals(global, context, { timers: context.type === 'content_script' });
  for (const name of ['window', 'self', 'frames']) defineGlobal(global, name, global);
  // The tab's other windows: top, parent, frames[i] and a message's source, each as this world
  // may reach it (window-views.ts); postMessage from here carries this document as the sender.
  const windows = new WorldWindows(context, context.document!, global, membrane, domOf);
  for (const name of ['top', 'parent'] as const) {
    Object.defineProperty(global, name, { configurable: true, enumerable: false, get: membrane.ownFunction(() => windows[name]) });
  }
  defineGlobal(global, 'postMessage', membrane.ownFunction((...args: unknown[]) => windows.postMessage(context.document!, args)));
  windows.syncFrameIndices();
  for (const name of dom.apiNames) {
    if (name in global) continue;
    // The window's state (onload, name, location) is the document's, shared by its worlds; a
    // value (fetch, HTMLElement) a world replaces is replaced in that world only.
    const state = findSetter(page, name) !== undefined;
    Object.defineProperty(global, name, {
      configurable: true,
      enumerable: false,
      get: membrane.toRealm(() => page[name]),
      set: membrane.toRealm((value: unknown) => {
        if (state) page[name] = value;
        else Object.defineProperty(global, name, { value: membrane.toRealm(value), writable: true, enumerable: true, configurable: true });
      }),
    });
  }
  return realm;
}

