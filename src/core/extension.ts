import { randomUUID } from 'node:crypto';
import type { Browser } from './browser.ts';
import type { ContextScript, ScriptContext } from './context.ts';
import { extensionIdFromKey, generateExtensionId, isValidExtensionId } from './ids.ts';
import { parseManifest, type Manifest, type ParsedManifest } from './manifest/manifest.ts';
import { ManifestError, isDictionary } from './manifest/manifest-error.ts';
import { LOCALES_NO_DEFAULT_LOCALE } from './errors.ts';
import { UI_LOCALE, buildDictionary, localizeManifest, type MessageCatalog, type MessageDictionary } from './message-bundle.ts';
import { ServiceWorkerLifetime, type ServiceWorkerState } from './service-worker-lifetime.ts';
import type { Tab } from './tab.ts';

export interface ExtensionInit {
  readonly manifest: Manifest;
  /** The id to use when the manifest has no `key`; generated when absent. */
  readonly id?: string;
  /**
   * The extension's code, by file path: the service worker's script, content scripts named in
   * `content_scripts[].js`, and extension pages by their HTML path. Each runs in its own context.
   */
  readonly scripts?: Readonly<Record<string, ContextScript>>;
  /** Whether the extension has a file at `path` (an unpacked folder's files); by default, its scripts' paths. */
  readonly hasFile?: (path: string) => boolean;
  /**
   * The default locale's messages (its `_locales/<default_locale>/messages.json`), for
   * chrome.i18n.getMessage and the manifest's `__MSG_name__`; the manifest must name `default_locale`.
   */
  readonly messages?: MessageCatalog;
}

/** An installed extension: its manifest, its service worker, and the pages it has open. */
export class Extension {
  readonly id: string;
  readonly manifest: Manifest;
  readonly parsed: ParsedManifest;
  readonly scripts: Readonly<Record<string, ContextScript>>;
  /** The default locale's messages by lowercased name, with the reserved @@ messages; empty without locales. */
  readonly messages: MessageDictionary;
  /** Live extension-page contexts (not in the back/forward cache), in the order they were created. */
  readonly pageContexts = new Set<ScriptContext>();
  /** chrome.runtime.dynamicId: a UUID of the extension's own, unlike its id (observed in Chromium 156). */
  readonly dynamicId = randomUUID();
  #enabled = false;
  #wasEnabled = false;
  readonly #hasFile: (path: string) => boolean;
  #installed = true;
  readonly #worker = new ServiceWorkerLifetime(this);

  constructor(
    readonly browser: Browser,
    init: ExtensionInit,
  ) {
    this.messages = init.messages === undefined ? new Map() : buildDictionary(init.messages, UI_LOCALE);
    // A manifest that is no dictionary has no locale to name: parseManifest refuses it as such.
    const localized = init.messages !== undefined && isDictionary(init.manifest);
    if (localized && init.manifest.default_locale === undefined) throw new ManifestError(LOCALES_NO_DEFAULT_LOCALE, 'default_locale');
    this.manifest = localized ? localizeManifest(init.manifest, this.messages) : init.manifest;
    this.parsed = parseManifest(this.manifest);
    this.scripts = init.scripts ?? {};
    this.#hasFile = init.hasFile ?? ((path) => Object.hasOwn(this.scripts, path));
    this.id = resolveId(init);
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  get installed(): boolean {
    return this.#installed;
  }

  /** Install-time warnings: Chrome's own, and Switchboard's security checks. */
  get warnings(): readonly string[] {
    return this.parsed.warnings;
  }

  /** The running service worker, if the manifest declares one and the extension is enabled. */
  get serviceWorker(): ScriptContext | undefined {
    const context = this.#worker.context;
    return context?.valid ? context : undefined;
  }

  /** Resolves once the service worker's script has run (an ES module worker evaluates asynchronously). */
  get serviceWorkerStarted(): Promise<void> {
    return this.#worker.started;
  }

  /** 'stopped', 'starting' (its top-level code is running) or 'running'. */
  get serviceWorkerState(): ServiceWorkerState {
    return this.#worker.state;
  }

  /** The service worker's lifetime: what starts it, what keeps it alive, when it stops (service-worker-lifetime.ts). */
  get serviceWorkerLifetime(): ServiceWorkerLifetime {
    return this.#worker;
  }

  /** Stops the service worker now, as chrome://serviceworker-internals' Stop does; the next event starts it again. */
  stopServiceWorker(): void {
    this.#worker.stop();
  }

  /** Resolves the next time the service worker stops: after 30 s idle on the browser's clock, or stopServiceWorker(). */
  serviceWorkerStopped(): Promise<void> {
    return this.#worker.stopped();
  }

  /** Whether the extension has a file at `path`, relative to its root ("icons/16.png"). */
  hasFile(path: string): boolean {
    return this.#hasFile(path.replace(/^\/+/, ''));
  }

  /** chrome.runtime.getURL: the extension's origin plus `path`. */
  getURL(path: string): string {
    return `chrome-extension://${this.id}/${path.replace(/^\/+/, '')}`;
  }

  /** Opens one of the extension's pages in a new tab. */
  openPage(path: string, options: { title?: string } = {}): Tab {
    this.assertEnabled('openPage');
    return this.browser.openTab(this.getURL(path), options);
  }

  /** Starts the service worker and makes the extension a messaging target. */
  enable(): void {
    this.assertInstalled('enable');
    if (this.#enabled) return;
    this.#enabled = true;
    this.start();
    if (this.#wasEnabled) this.browser.extensionEvent(this, 'enabled');
    this.#wasEnabled = true;
  }

  private start(): void {
    void this.#worker.start();
  }

  /** Unloads the extension: every context of it dies; content scripts are orphaned. */
  disable(): void {
    if (!this.unload()) return;
    this.browser.extensionEvent(this, 'disabled');
  }

  private unload(): boolean {
    if (!this.#enabled) return false;
    this.#enabled = false;
    this.browser.extensionUnloaded(this);
    this.#worker.stop();
    this.browser.orphanContentScripts(this);
    return true;
  }

  /** chrome.runtime.reload / the extensions page's reload: unload, then load again. */
  reload(): void {
    this.assertInstalled('reload');
    this.unload();
    this.#worker.forgetLazyListeners();
    this.#enabled = true;
    this.start();
    this.browser.extensionEvent(this, 'reloaded');
  }

  uninstall(): void {
    this.unload();
    this.#worker.forgetLazyListeners();
    this.#installed = false;
    this.browser.extensionUninstalled(this);
    this.browser.extensionEvent(this, 'uninstalled');
  }

  private assertEnabled(method: string): void {
    if (!this.#enabled) throw new Error(`Extension ${this.id} is not enabled: cannot ${method}`);
  }

  private assertInstalled(method: string): void {
    if (!this.#installed) throw new Error(`Extension ${this.id} was uninstalled: cannot ${method}`);
  }
}

/** The manifest key decides the id, as in Chrome; else the given id; else a fresh one. */
function resolveId(init: ExtensionInit): string {
  const key = init.manifest.key;
  if (key !== undefined) {
    if (typeof key !== 'string') throw new ManifestError("Invalid value for 'key'.", 'key');
    try {
      return extensionIdFromKey(key);
    } catch {
      throw new ManifestError("Invalid value for 'key'.", 'key');
    }
  }
  if (init.id !== undefined) {
    if (!isValidExtensionId(init.id)) {
      throw new TypeError(`Invalid extension id '${init.id}': an id is 32 characters from a to p`);
    }
    return init.id.toLowerCase();
  }
  return generateExtensionId();
}
