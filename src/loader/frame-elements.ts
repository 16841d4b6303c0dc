/**
 * The link between a document's `<iframe src>` elements, as parsed, and its child frames, which the
 * loader makes from the same HTML, one each in document order (dom.ts): a page's script removing
 * an iframe removes its frame; an iframe's `contentWindow` is its frame's window as the reading
 * world may reach it (window-views.ts), and its `contentDocument` the frame's document where that
 * is of the same origin, null otherwise (HTML's rule). An iframe a script adds has no frame here,
 * and keeps jsdom's own window.
 */
import type { DOMWindow } from 'jsdom';
import type { Document } from '../core/document.ts';
import type { Frame } from '../core/frame.ts';
import { frameWindow, type DomOf } from './window-views.ts';

export function linkFrameElements(window: DOMWindow, document: Document, domOf: DomOf): void {
  const iframes = [...window.document.querySelectorAll('iframe[src]')];
  if (iframes.length === 0) return;
  // The child frames are made after the document's DOM: linked once they all are.
  let frames: Frame[] | undefined;
  const linked = (): Frame[] | undefined => {
    if (!frames && document.childFrames.length === iframes.length) frames = [...document.childFrames];
    return frames;
  };
  const frameOf = (element: unknown): Frame | undefined => {
    const index = iframes.indexOf(element as Element);
    return index < 0 ? undefined : linked()?.[index];
  };
  new window.MutationObserver(() => {
    for (const [index, iframe] of iframes.entries()) {
      const frame = linked()?.[index];
      if (frame && !iframe.isConnected && frame.attached) frame.remove();
    }
  }).observe(window.document, { childList: true, subtree: true });

  const prototype = (window as unknown as { HTMLIFrameElement: { prototype: object } }).HTMLIFrameElement.prototype;
  const original = (name: string) => Object.getOwnPropertyDescriptor(prototype, name)!;
  const contentWindow = original('contentWindow');
  const contentDocument = original('contentDocument');
  Object.defineProperties(prototype, {
    contentWindow: {
      ...contentWindow,
      get(this: object) {
        const frame = frameOf(this);
        return frame?.attached ? frameWindow(frame) : contentWindow.get!.call(this);
      },
    },
    contentDocument: {
      ...contentDocument,
      get(this: object) {
        const frame = frameOf(this);
        if (!frame?.attached) return contentDocument.get!.call(this);
        const other = frame.document;
        return other.origin === document.origin && other.origin !== 'null' ? domOf(other).window.document : null;
      },
    },
  });
}
