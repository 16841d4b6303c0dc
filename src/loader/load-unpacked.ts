import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Browser } from '../core/browser.ts';
import type { ContextScript } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';
import { extensionIdFromKey, extensionIdFromPath } from '../core/ids.ts';
import { parseManifest, type Manifest, type ParsedManifest } from '../core/manifest/manifest.ts';
import { ManifestError } from '../core/manifest/manifest-error.ts';
import { contentScript } from './content-scripts.ts';
import { attachDom, domOf, type PageResolver } from './dom.ts';
import { backgroundScriptMissing, contentScriptJsMissing } from '../core/errors.ts';
import { ExtensionFiles } from './extension-files.ts';
import { readLocaleMessages } from './locales.ts';
import { manifestFileError, readManifestFile } from './manifest-file.ts';
import { runPageScripts } from './page-scripts.ts';
import { registerExtensionFiles } from './realms.ts';
import { serviceWorkerScript } from './service-worker.ts';

export interface LoadUnpackedOptions {
  /**
   * Web pages' HTML, when the loader is the one attaching DOM support to the browser (see
   * attachDom). If DOM support is already attached, its resolver stays, and this must be absent.
   */
  readonly pages?: PageResolver;
}

/**
 * Loads the unpacked extension in `dir` into `browser`, as chrome://extensions' "Load unpacked"
 * does, and returns it installed and enabled. Its service worker, pages and content scripts run
 * from the files on disk, each in its own realm with its own `chrome` and `browser`.
 *
 * The id is the manifest `key`'s, else Chrome's id for an unpacked directory (a hash of its
 * absolute path, symlinks resolved). A manifest Chrome would refuse throws ManifestError naming
 * the manifest's absolute path (`file`) and the offending key (`key`).
 */
export function loadUnpacked(browser: Browser, dir: string, options: LoadUnpackedOptions = {}): Extension {
  const root = absoluteDirectory(dir);
  const { file, manifest } = readManifestFile(root);
  const parsed = rethrowWithFile(file, () => parseManifest(manifest));
  const id = idOf(manifest as Manifest, root);
  const files = new ExtensionFiles(root, id ?? 'invalid');
  checkFiles(file, parsed, files);
  const messages = rethrowWithFile(file, () => readLocaleMessages(root, manifest as Manifest));

  let dom = domOf(browser);
  if (!dom) dom = attachDom(browser, { pages: options.pages });
  else if (options.pages) throw new Error('DOM support is already attached to this browser: give `pages` to attachDom, not to loadUnpacked');
  const unregister = registerExtensionFiles(browser, files);
  dom.serve(files.baseUrl, (url) => files.readUrl(url));
  try {
    return rethrowWithFile(file, () =>
      browser.installExtension({
        manifest: manifest as Manifest,
        id,
        scripts: scriptsOf(files, parsed),
        hasFile: (path) => files.readPath(path) !== undefined,
        messages,
      }),
    );
  } catch (error) {
    unregister();
    throw error;
  }
}

/** base::MakeAbsoluteFilePath: absolute, symlinks resolved. */
function absoluteDirectory(dir: string): string {
  const absolute = resolvePath(dir);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** The id Chrome gives the extension; undefined for an invalid key (installing then throws for it). */
function idOf(manifest: Manifest, root: string): string | undefined {
  if (manifest.key === undefined) return extensionIdFromPath(root);
  try {
    return typeof manifest.key === 'string' ? extensionIdFromKey(manifest.key) : undefined;
  } catch {
    return undefined;
  }
}

function rethrowWithFile<T>(file: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ManifestError) throw manifestFileError(file, error.message, error.key, error);
    throw error;
  }
}

/** file_util::ValidateExtension: the files the manifest names must exist. */
function checkFiles(file: string, parsed: ParsedManifest, files: ExtensionFiles): void {
  const worker = parsed.serviceWorker;
  if (worker !== undefined && files.readPath(worker) === undefined) {
    throw manifestFileError(file, backgroundScriptMissing(worker), 'background.service_worker');
  }
  for (const entry of parsed.contentScripts) {
    for (const [index, path] of entry.js.entries()) {
      if (files.readPath(path) === undefined) {
        throw manifestFileError(file, contentScriptJsMissing(path), `content_scripts[${entry.index}].js[${index}]`);
      }
    }
  }
}

/** ExtensionInit.scripts: the worker by its path, content scripts by theirs, pages by their HTML path. */
function scriptsOf(files: ExtensionFiles, parsed: ParsedManifest): Record<string, ContextScript> {
  const scripts: Record<string, ContextScript> = {};
  for (const path of files.htmlPaths()) {
    scripts[path] = ({ context }) => {
      const dom = domOf(context.browser);
      if (!dom || !context.document) return;
      const { window } = dom.domOf(context.document);
      return runPageScripts(context, window, (url) => dom.resolve(url), { inline: false });
    };
  }
  for (const entry of parsed.contentScripts) for (const path of entry.js) scripts[path] = contentScript(files, path);
  if (parsed.serviceWorker !== undefined) scripts[parsed.serviceWorker] = serviceWorkerScript(files, parsed.serviceWorker, parsed.serviceWorkerType);
  return scripts;
}
