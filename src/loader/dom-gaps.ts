/**
 * What extension pages use that jsdom lacks: `navigator.hid` (web-hid.ts), `innerText` (without layout, it reads and writes the
 * text as textContent does, a line break as <br> when written), and `window.close()` of a popup, side
 * panel or offscreen document, which closes the view (as Chrome does: an offscreen document closing
 * itself is how the clipboard sample ends).
 */
import type { DOMWindow } from 'jsdom';
import type { Document } from '../core/document.ts';
import { createHid } from './web-hid.ts';

const jsdomClose = new WeakMap<DOMWindow, () => void>();

/** Closes the jsdom window itself (its timers stop), whatever the page made of window.close. */
export function closeJsdomWindow(window: DOMWindow): void {
  (jsdomClose.get(window) ?? (() => window.close()))();
}

export function fillDomGaps(window: DOMWindow, document: Document): void {
  const HTMLElement = window.HTMLElement as unknown as { prototype: object };
  if (!Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'innerText')) {
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      get(this: { textContent: string | null }) {
        return this.textContent ?? '';
      },
      set(this: { textContent: string | null; append(...nodes: unknown[]): void }, value: unknown) {
        const lines = String(value).split('\n');
        this.textContent = '';
        lines.forEach((line, index) => {
          if (index > 0) this.append(window.document.createElement('br'));
          this.append(line);
        });
      },
      enumerable: true,
      configurable: true,
    });
  }
  if (window.isSecureContext || document.url.startsWith('chrome-extension:')) {
    const hid = createHid(window as unknown as Parameters<typeof createHid>[0]);
    Object.defineProperty(Object.getPrototypeOf(window.navigator) as object, 'hid', { get: () => hid, enumerable: true, configurable: true });
  }
  jsdomClose.set(window, window.close.bind(window));
  const tab = document.frame.tab;
  if (tab.view !== undefined && document.frame.isMainFrame) {
    Object.defineProperty(window, 'close', {
      value: function close() {
        document.frame.browser.post(() => tab.close());
      },
      writable: true,
      configurable: true,
    });
  }
}
