import { loadModule, type LanguageIdentifier } from 'cld3-asm';
import type { Extension } from '../core/extension.ts';

/**
 * chrome.i18n's data (extensions/renderer/i18n_hooks_delegate.cc and
 * chrome/browser/extensions/api/i18n/i18n_api.cc): the UI and accept languages of the Chromium 156
 * the conformance suite runs (headless, en-US), messages from the extension's bundle, and language
 * detection with CLD3, the model Chrome uses, in its WebAssembly build (cld3-asm).
 */

/** l10n_util::GetApplicationLocale as getUILanguage gives it (observed in Chromium 156). */
export const UI_LANGUAGE = 'en-US';
/** The intl.accept_languages preference, split (observed in Chromium 156). */
export const ACCEPT_LANGUAGES: readonly string[] = ['en-US', 'en'];

/** i18n_hooks_delegate.cc: at most this many substitutions, else getMessage gives undefined. */
const MAX_SUBSTITUTIONS = 9;

export interface MessageOptions {
  readonly escapeLt?: boolean;
}

/**
 * GetI18nMessage: the message by its lowercased name ('' when unknown; @@extension_id always
 * known), `<` escaped if asked (before substituting), then base::ReplaceStringPlaceholders.
 * Undefined for more than nine substitutions, as in Chrome.
 */
export function getMessage(extension: Extension, name: string, substitutions: readonly string[] | undefined, options: MessageOptions = {}): string | undefined {
  const key = name.toLowerCase();
  let message = key === '@@extension_id' ? extension.id : (extension.messages.get(key) ?? '');
  if (substitutions !== undefined && substitutions.length > MAX_SUBSTITUTIONS) return undefined;
  if (options.escapeLt) message = message.replaceAll('<', '&lt;');
  return replaceStringPlaceholders(message, substitutions ?? []);
}

/**
 * base::ReplaceStringPlaceholders: `$1`…`$9` by the substitution (nothing when absent), a run of
 * n+1 dollars by n, and `$` before anything else dropped together with that character.
 */
export function replaceStringPlaceholders(format: string, substitutions: readonly string[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char !== '$') {
      out += char;
      continue;
    }
    if (i + 1 >= format.length) continue;
    i++;
    if (format[i] === '$') {
      while (i < format.length && format[i] === '$') {
        out += '$';
        i++;
      }
      i--;
      continue;
    }
    const digit = format[i]!;
    if (digit < '1' || digit > '9') continue;
    out += substitutions[digit.charCodeAt(0) - '1'.charCodeAt(0)] ?? '';
  }
  return out;
}

/** i18n.LanguageDetectionResult, keys in Chrome's order. */
export interface LanguageDetectionResult {
  isReliable: boolean;
  languages: { language: string; percentage: number }[];
}

/** i18n_hooks_delegate.cc kCldNumLangs and the identifier's byte window. */
const TOP_LANGUAGES = 3;
const MIN_BYTES = 0;
const MAX_BYTES = 512;
/** chrome_lang_id::NNetLanguageIdentifier::kUnknown. */
const UNKNOWN = 'und';

let identifier: Promise<LanguageIdentifier> | undefined;

/** DetectLanguage / InitDetectedLanguages: the top three languages, reliable only if each is. */
export async function detectLanguage(text: string): Promise<LanguageDetectionResult> {
  identifier ??= loadModule().then((factory) => factory.create(MIN_BYTES, MAX_BYTES));
  const results = (await identifier).findMostFrequentLanguages(text, TOP_LANGUAGES);
  const languages: LanguageDetectionResult['languages'] = [];
  let isReliable = true;
  for (const result of results) {
    if (result.language === UNKNOWN) continue;
    isReliable &&= result.is_reliable;
    languages.push({ language: result.language, percentage: Math.trunc(100 * result.proportion) });
  }
  return { isReliable: languages.length > 0 && isReliable, languages };
}
