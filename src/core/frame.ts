import type { Browser } from './browser.ts';
import type { ContextScript, ScriptContext } from './context.ts';
import { Document } from './document.ts';
import type { Extension } from './extension.ts';
import type { Tab } from './tab.ts';
import { isSameDocumentNavigation } from './url.ts';

/** A frame to create: its URL and the frames its document embeds. */
export interface FrameInit {
  readonly url: string;
  readonly frames?: readonly (FrameInit | string)[];
}

let nextSubframeId = 1;

/**
 * A frame in a tab (Chromium's FrameTreeNode). frameId 0 is the main frame; subframes keep
 * their positive id across navigations. The document in it changes as it navigates.
 */
export class Frame {
  readonly frameId: number;
  #document: Document;
  #removed = false;

  constructor(
    readonly tab: Tab,
    readonly parent: Frame | undefined,
    init: FrameInit,
  ) {
    this.frameId = parent ? nextSubframeId++ : 0;
    // A subframe is in its parent's frame tree before its document is made (its scripts see `parent.length` count it).
    parent?.document.childFrames.push(this);
    this.#document = new Document(this, init.url);
    this.browser.documentCreated(this.#document);
    this.addFrames(init.frames);
  }

  get browser(): Browser {
    return this.tab.browser;
  }

  get document(): Document {
    return this.#document;
  }

  get url(): string {
    return this.#document.url;
  }

  get isMainFrame(): boolean {
    return this.parent === undefined;
  }

  /** False once the frame was removed or its tab closed. */
  get attached(): boolean {
    return !this.#removed && !this.tab.closed;
  }

  /** Embeds a new subframe in this frame's document. */
  addFrame(init: FrameInit | string): Frame {
    this.assertAttached('addFrame');
    return new Frame(this.tab, this, typeof init === 'string' ? { url: init } : init);
  }

  private addFrames(frames: FrameInit['frames']): void {
    for (const child of frames ?? []) this.addFrame(child);
  }

  /**
   * Navigates this frame. A fragment-only change keeps the document; anything else unloads
   * it (the main frame's document may enter the back/forward cache instead).
   */
  navigate(url: string | FrameInit): void {
    this.assertAttached('navigate');
    const init = typeof url === 'string' ? { url } : url;
    if (this.isMainFrame) {
      this.tab.navigate(init);
      return;
    }
    if (!init.frames && isSameDocumentNavigation(this.#document.url, init.url)) {
      this.#document.setUrlInDocument(init.url);
      return;
    }
    this.commit(init, 'unload');
  }

  /** Replaces the current document; the tab decides what happens to the old one. */
  commit(init: FrameInit, previous: 'unload' | 'bfcache'): Document {
    const old = this.#document;
    this.browser.documentLeaving(old, previous);
    this.#document = new Document(this, init.url);
    this.browser.documentCreated(this.#document);
    this.addFrames(init.frames);
    return old;
  }

  /** Puts a document back from the back/forward cache. */
  restore(document: Document, previous: 'unload' | 'bfcache'): Document {
    const old = this.#document;
    this.browser.documentLeaving(old, previous);
    this.#document = document;
    this.browser.documentRestored(document);
    return old;
  }

  /** Detaches a subframe: its document and all below it unload. */
  remove(): void {
    if (this.isMainFrame) throw new Error('The main frame cannot be removed; close the tab instead');
    this.assertAttached('remove');
    const siblings = this.parent!.document.childFrames;
    siblings.splice(siblings.indexOf(this), 1);
    this.detach();
  }

  /** Unloads everything in this frame; used by remove() and by the tab when it closes. */
  detach(): void {
    this.markDetached();
    this.browser.documentLeaving(this.#document, 'unload');
  }

  /** Its embedding document is gone: the frame goes with it. */
  markDetached(): void {
    this.#removed = true;
  }

  /** The isolated world of `extension`'s content scripts in this frame's current document. */
  contentScript(extension: Extension): ScriptContext | undefined {
    return this.#document.isolatedWorld(extension);
  }

  /** Injects into this frame's document as scripting.executeScript does, and runs `script` there. */
  executeScript(extension: Extension, script?: ContextScript): ScriptContext {
    this.assertAttached('executeScript');
    return this.browser.injectContentScript(this.#document, extension, script ? [script] : []);
  }

  private assertAttached(method: string): void {
    if (!this.attached) throw new Error(`Frame ${this.frameId} of tab ${this.tab.id} is detached: cannot ${method}`);
  }
}
