import { invocationError } from '../core/errors.ts';
import type { ContextMessaging } from './messaging.ts';
import { bindingError } from './realm.ts';
import { assertContextValid } from './runtime.ts';
import { named } from './runtime-platform.ts';

/**
 * chrome.dom (dom.json, extensions/renderer/api/dom_hooks_delegate.cc) in content scripts and
 * pages: openOrClosedShadowRoot gives an element's shadow root, open or closed. jsdom keeps a
 * closed root on the element's implementation object, behind its `impl` symbol; the root's
 * wrapper is the one the page's `attachShadow` returned.
 */
export interface Dom {
  openOrClosedShadowRoot(...args: unknown[]): unknown;
}

const SIGNATURE = 'HTMLElement element';

/** The jsdom implementation object behind a DOM wrapper, if `value` is one. */
function implOf(value: object): Record<PropertyKey, unknown> | undefined {
  const symbol = Object.getOwnPropertySymbols(value).find((s) => s.description === 'impl');
  return symbol === undefined ? undefined : ((value as Record<symbol, unknown>)[symbol] as Record<PropertyKey, unknown>);
}

/** Whether `value` is an HTMLElement of its own document's window. */
function isHTMLElement(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const view = (value as { ownerDocument?: { defaultView?: { HTMLElement?: unknown } } | null }).ownerDocument?.defaultView;
  const HTMLElement = view?.HTMLElement;
  return typeof HTMLElement === 'function' && value instanceof HTMLElement;
}

export function createDom(messaging: ContextMessaging): Dom {
  return {
    openOrClosedShadowRoot: named('openOrClosedShadowRoot', (...args: unknown[]) => {
      assertContextValid(messaging);
      const element = args[0];
      // DOMHooksDelegate: anything but one HTMLElement fails with an empty reason (observed in Chromium 156).
      if (args.length !== 1 || !isHTMLElement(element)) {
        throw bindingError(messaging.realm, 'TypeError', invocationError('dom.openOrClosedShadowRoot', SIGNATURE, ''));
      }
      const root = implOf(element)?._shadowRoot;
      if (typeof root !== 'object' || root === null) return null;
      const wrapper = Object.getOwnPropertySymbols(root).find((s) => s.description === 'wrapper');
      return wrapper === undefined ? null : (root as Record<symbol, unknown>)[wrapper];
    }),
  };
}
