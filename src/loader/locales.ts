import { readFileSync, statSync } from 'node:fs';
import { LOCALES_NO_DEFAULT_LOCALE, LOCALES_TREE_MISSING, invalidLocaleFile, localeCatalogMissing } from '../core/errors.ts';
import type { MessageCatalog } from '../core/message-bundle.ts';
import { ManifestError } from '../core/manifest/manifest-error.ts';
import { fileIn } from './folder-files.ts';
import { stripJsonComments } from './manifest-file.ts';

/**
 * The default locale's messages of an unpacked extension in `root`
 * (extension_l10n_util.cc ValidateExtensionLocales and LoadMessageCatalogs): undefined when the
 * extension has no `_locales`; Chrome's load errors as ManifestError on key `default_locale`.
 * Only the default locale is read: the UI locale here is en-US, and a catalog for it would be the
 * first one Chrome looks in (not yet modelled).
 */
export function readLocaleMessages(root: string, manifest: Readonly<Record<string, unknown>>): MessageCatalog | undefined {
  // Every path is taken inside the folder (folder-files.ts): a locale of "../x", or a symlink
  // out of the extension, names no catalog.
  const locales = fileIn(root, '_locales');
  const hasTree = locales !== undefined && statSync(locales).isDirectory();
  const locale = manifest.default_locale;
  if (locale === undefined) {
    if (hasTree) throw new ManifestError(LOCALES_NO_DEFAULT_LOCALE, 'default_locale');
    return undefined;
  }
  if (!hasTree) throw new ManifestError(LOCALES_TREE_MISSING, 'default_locale');
  const folder = typeof locale === 'string' && locale !== '' ? fileIn(locales, locale) : undefined;
  if (folder === undefined) throw new ManifestError(LOCALES_NO_DEFAULT_LOCALE, 'default_locale');
  const file = fileIn(folder, 'messages.json');
  if (file === undefined) throw new ManifestError(localeCatalogMissing(locale as string), 'default_locale');
  try {
    return JSON.parse(stripJsonComments(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))) as MessageCatalog;
  } catch (error) {
    // Chrome's text after the colon is its JSON parser's; this is Node's.
    throw new ManifestError(invalidLocaleFile(file, (error as Error).message), 'default_locale');
  }
}
