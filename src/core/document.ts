import { ScriptContext } from './context.ts';
import type { Extension } from './extension.ts';
import type { Frame } from './frame.ts';
import { generateDocumentId } from './ids.ts';
import { extensionIdOfUrl, originOf } from './url.ts';

/** extension_types.json DocumentLifecycle. */
export type DocumentLifecycle = 'prerender' | 'active' | 'cached' | 'pending_deletion';

/**
 * One document loaded in a frame (Chromium's RenderFrameHost, as far as messaging sees it):
 * its id, URL and origin, its main-world context and one isolated world per extension
 * whose content scripts run in it. Child frames belong to the document that embeds them.
 */
export class Document {
  readonly documentId = generateDocumentId();
  readonly origin: string;
  readonly childFrames: Frame[] = [];
  lifecycle: DocumentLifecycle = 'active';
  /**
   * Something in the page keeps it out of the back/forward cache, as an unload handler does in
   * Chrome: navigating away then unloads it. The DOM layer sets it.
   */
  blocksBackForwardCache = false;
  #url: string;
  #mainWorld: ScriptContext | undefined;
  readonly #isolatedWorlds = new Map<string, ScriptContext>();
  readonly #orphanedWorlds: ScriptContext[] = [];

  constructor(
    readonly frame: Frame,
    url: string,
  ) {
    this.#url = url;
    this.origin = originOf(url, frame.parent?.document.origin);
  }

  get url(): string {
    return this.#url;
  }

  /** The extension whose page this is, when the URL is chrome-extension://<installed id>/. */
  get extension(): Extension | undefined {
    const id = extensionIdOfUrl(this.#url);
    const extension = id === undefined ? undefined : this.frame.browser.extensions.get(id);
    return extension?.enabled ? extension : undefined;
  }

  /** The page's own context: an extension page, or a web page. */
  get mainWorld(): ScriptContext {
    if (!this.#mainWorld) {
      const extension = this.extension;
      this.#mainWorld = new ScriptContext(
        this.frame.browser,
        extension ? 'extension_page' : 'web_page',
        extension,
        this,
      );
    }
    return this.#mainWorld;
  }

  /** The isolated world of `extension`'s content scripts, created on first injection. */
  isolatedWorld(extension: Extension, create = false): ScriptContext | undefined {
    let world = this.#isolatedWorlds.get(extension.id);
    if (!world && create) {
      world = new ScriptContext(this.frame.browser, 'content_script', extension, this);
      this.#isolatedWorlds.set(extension.id, world);
    }
    return world;
  }

  /** Every live context in this document, the main world first. */
  contexts(): ScriptContext[] {
    const all = this.#mainWorld?.valid ? [this.#mainWorld] : [];
    for (const world of this.#isolatedWorlds.values()) if (world.valid) all.push(world);
    return all;
  }

  /** This document and every document in its subframes, depth first. */
  *subtree(): Generator<Document> {
    yield this;
    for (const child of this.childFrames) yield* child.document.subtree();
  }

  /** Fragment navigations keep the document and change its URL. */
  setUrlInDocument(url: string): void {
    const from = this.#url;
    this.#url = url;
    this.frame.browser.documentEvent(this, { type: 'fragment', from });
  }

  /**
   * One extension's isolated world is orphaned (its extension unloaded): it is no longer the
   * extension's, but its code lives on with the page, which disposes of it when it unloads.
   */
  orphanIsolatedWorld(extensionId: string): ScriptContext | undefined {
    const world = this.#isolatedWorlds.get(extensionId);
    this.#isolatedWorlds.delete(extensionId);
    if (world) this.#orphanedWorlds.push(world);
    return world;
  }

  /** Isolated worlds whose extension unloaded, still running in the page. */
  orphanedWorlds(): readonly ScriptContext[] {
    return this.#orphanedWorlds;
  }
}
