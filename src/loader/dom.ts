import type { Context } from 'node:vm';
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';
import type { Browser, DocumentEvent } from '../core/browser.ts';
import type { Document } from '../core/document.ts';
import { realmOfContext } from './context-realm.ts';
import { closeJsdomWindow, fillDomGaps } from './dom-gaps.ts';
import { attachRealms } from './realms.ts';
import { runPageScripts } from './page-scripts.ts';
import { reportUncaught } from './uncaught.ts';
import { linkFrameElements } from './frame-elements.ts';
import { unwrapCallback } from './membrane.ts';
import { postWindowMessage, worldWindowsOf } from './window-views.ts';
import { keepEventValuesPerWorld } from './world-values.ts';

/** Gives the HTML (or script text) behind a URL, or undefined when there is none. */
export type PageResolver = (url: string) => string | undefined;

export interface DomOptions {
  /**
   * Serves web pages: the HTML of a page by its URL, and the text of the scripts it loads by
   * their absolute URL. A URL it has no answer for is an empty document (or a missing script).
   */
  readonly pages?: PageResolver;
}

/** One document's DOM: its jsdom window, and the names of the DOM globals the window had when made. */
export interface DocumentDom {
  readonly window: DOMWindow;
  /** The window's vm context: the page's main-world realm. */
  readonly vmContext: Context;
  /** The window's own API names (DOM and web platform), before any page script ran. */
  readonly apiNames: readonly string[];
}

const doms = new WeakMap<Browser, BrowserDom>();

/**
 * DOM support for a browser: every document gets a jsdom window on first use, built from the
 * HTML its URL resolves to. Web pages' own scripts run in their main world; extension pages'
 * scripts run when the loader opens them; content scripts share the document from their
 * isolated worlds. Timing: the document is parsed at once; DOMContentLoaded and load follow
 * in microtasks after the browser created the document.
 */
export class BrowserDom {
  readonly #sources: { prefix: string; resolve: PageResolver }[] = [];
  readonly #documents = new WeakMap<Document, DocumentDom>();
  readonly #jsdoms = new WeakMap<Document, JSDOM>();

  constructor(
    readonly browser: Browser,
    private readonly pages: PageResolver | undefined,
  ) {}

  /** Serves URLs that start with `prefix` from `resolve`, before the pages resolver is asked. */
  serve(prefix: string, resolve: PageResolver): void {
    this.#sources.unshift({ prefix, resolve });
  }

  /** The text behind `url`: from a served prefix, else from the pages resolver. */
  resolve(url: string): string | undefined {
    for (const source of this.#sources) if (url.startsWith(source.prefix)) return source.resolve(url);
    return this.pages?.(url);
  }

  /** The document's DOM, created (and parsed) on first use; bound, so that it can be handed on as it is. */
  readonly domOf = (document: Document): DocumentDom => {
    let dom = this.#documents.get(document);
    if (!dom) {
      const virtualConsole = new VirtualConsole();
      virtualConsole.on('jsdomError', (error) => reportDomError(document, error));
      const jsdom = new JSDOM(this.resolve(document.url) ?? '', { url: document.url, runScripts: 'outside-only', virtualConsole });
      dom = { window: jsdom.window, vmContext: jsdom.getInternalVMContext(), apiNames: apiNamesOf(jsdom.window) };
      fillDomGaps(jsdom.window, document);
      keepEventValuesPerWorld(jsdom.window);
      // Called on a same-origin window from another frame, postMessage does not know its sender.
      jsdom.window.postMessage = ((...args: unknown[]) => postWindowMessage(this.domOf, document, undefined, args.map(unwrapCallback))) as DOMWindow['postMessage'];
      watchUnloadHandlers(jsdom.window, document);
      linkFrameElements(jsdom.window, document, this.domOf);
      this.#documents.set(document, dom);
      this.#jsdoms.set(document, jsdom);
    }
    return dom;
  };

  /**
   * observeDocumentLifecycle: a fragment navigation moves the window's location and fires
   * hashchange; pagehide and pageshow carry `persisted` as Chrome's do (true for the back/forward
   * cache). Documents whose DOM nobody has used have no listeners to tell.
   */
  documentEvent(document: Document, event: DocumentEvent): void {
    const jsdom = this.#jsdoms.get(document);
    if (!jsdom) return;
    const { window } = jsdom;
    if (event.type === 'fragment') {
      jsdom.reconfigure({ url: document.url });
      window.dispatchEvent(new window.HashChangeEvent('hashchange', { oldURL: event.from, newURL: document.url }));
    } else {
      window.dispatchEvent(new window.PageTransitionEvent(event.type, { persisted: event.persisted }));
    }
  }

  /** Closes a document's window (its timers stop) once the document is gone. */
  documentGone(document: Document): void {
    const dom = this.#documents.get(document);
    if (dom) closeJsdomWindow(dom.window);
    this.#documents.delete(document);
  }

  /**
   * observeDocuments: a web page's own scripts run in its main world once the browser made the
   * document; then the frames its <iframe src> elements name load, when nobody gave the document
   * its frames already (a page an extension opened, a popup, an offscreen document).
   */
  documentCreated(document: Document): void {
    this.loadFrames(document);
    // The worlds of the document above give it an index (`frames[0]`).
    for (const context of document.frame.parent?.document.contexts() ?? []) worldWindowsOf(context)?.syncFrameIndices();
    if (document.extension || this.resolve(document.url) === undefined) return;
    const { window } = this.domOf(document);
    if (!window.document.querySelector('script')) return;
    const run = () => document.mainWorld.run(({ context }) => runPageScripts(context, window, (url) => this.resolve(url), { inline: true }));
    // A subframe's document loads after its parent made all its frames (a frame's script sees its
    // siblings in `parent.frames`, as in Chrome), in a task of its own.
    if (document.frame.parent) {
      document.frame.browser.post(() => {
        if (document.lifecycle === 'active') run();
      });
    } else run();
  }

  /** A document's iframes load after its own parsing and scripts, in a task of their own. */
  private loadFrames(document: Document): void {
    const html = this.resolve(document.url);
    if (html === undefined || !/<iframe[\s>]/i.test(html) || frameDepth(document) >= MAX_FRAME_DEPTH) return;
    document.frame.browser.post(() => {
      if (document.lifecycle !== 'active' || document.childFrames.length > 0 || !document.frame.attached) return;
      const { window } = this.domOf(document);
      for (const iframe of window.document.querySelectorAll('iframe[src]')) {
        let url: string;
        try {
          url = new URL(iframe.getAttribute('src')!, document.url).href;
        } catch {
          continue;
        }
        document.frame.addFrame(url);
      }
    });
  }
}

/** How deep <iframe>s nest before they are no longer followed (a page framing itself). */
const MAX_FRAME_DEPTH = 8;

function frameDepth(document: Document): number {
  let depth = 0;
  for (let frame = document.frame.parent; frame; frame = frame.parent) depth++;
  return depth;
}

/** Chrome keeps a page with an unload handler out of the back/forward cache; so does the model. */
function watchUnloadHandlers(window: DOMWindow, document: Document): void {
  const addEventListener = window.addEventListener.bind(window);
  window.addEventListener = ((type: string, ...rest: unknown[]) => {
    if (type === 'unload') document.blocksBackForwardCache = true;
    return (addEventListener as (type: string, ...rest: unknown[]) => void)(type, ...rest);
  }) as DOMWindow['addEventListener'];
  const onunload = Object.getOwnPropertyDescriptor(window, 'onunload') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), 'onunload');
  Object.defineProperty(window, 'onunload', {
    configurable: true,
    enumerable: true,
    get: () => onunload?.get?.call(window),
    set: (handler: unknown) => {
      if (typeof handler === 'function') document.blocksBackForwardCache = true;
      onunload?.set?.call(window, handler);
    },
  });
}

/** Attaches DOM support to `browser`, once. Returns it; throws if the browser already has one. */
export function attachDom(browser: Browser, options: DomOptions = {}): BrowserDom {
  if (doms.has(browser)) throw new Error('This browser already has DOM support attached (attachDom is called once, before loading extensions)');
  const dom = new BrowserDom(browser, options.pages);
  doms.set(browser, dom);
  attachRealms(browser);
  browser.observeDocuments((document) => dom.documentCreated(document));
  browser.observeDocumentLifecycle((document, event) => dom.documentEvent(document, event));
  return dom;
}

/** The DOM support attached to `browser`, if any. */
export function domOf(browser: Browser): BrowserDom | undefined {
  return doms.get(browser);
}

/** Names of the window's API: its own properties and its prototypes', minus jsdom internals. */
function apiNamesOf(window: DOMWindow): string[] {
  const names = new Set<string>();
  for (let object: object | null = window; object && object !== window.Object.prototype; object = Object.getPrototypeOf(object) as object | null) {
    for (const name of Object.getOwnPropertyNames(object)) if (!name.startsWith('_')) names.add(name);
  }
  return [...names];
}

/** A listener or timer of the page threw: report it in the context whose realm made the error. */
function reportDomError(document: Document, error: Error & { type?: string }): void {
  if (error.type !== 'unhandled-exception') return;
  const contexts = document.contexts();
  const owner = contexts.find((context) => {
    const realm = realmOfContext(context);
    const cause = error.cause;
    return realm !== undefined && typeof cause === 'object' && cause !== null && realm.membrane.isOwn(cause);
  });
  const context = owner ?? contexts[0];
  if (context) reportUncaught(context, error.cause);
}
