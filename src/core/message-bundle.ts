import { ManifestError } from './manifest/manifest-error.ts';
import { invalidContentElement, noMessageElement, variableUsedButNotDefined } from './errors.ts';

/**
 * An extension's messages (extensions/common/message_bundle.cc): the default locale's
 * messages.json, its named placeholders replaced at load time, the names lowercased, and the
 * manifest's `__MSG_name__` replaced from it (extension_l10n_util.cc LocalizeManifest).
 */

/** One entry of messages.json. */
export interface MessageEntry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

/** A messages.json: message name → entry. */
export type MessageCatalog = Readonly<Record<string, MessageEntry>>;

/** Lowercased message name → its text with the named placeholders replaced. */
export type MessageDictionary = ReadonlyMap<string, string>;

/** MessageBundle::AppendReservedMessagesForLocale for a left-to-right UI locale. */
export function reservedMessages(uiLocale: string): [string, string][] {
  return [
    ['@@ui_locale', uiLocale],
    ['@@bidi_dir', 'ltr'],
    ['@@bidi_reversed_dir', 'rtl'],
    ['@@bidi_start_edge', 'left'],
    ['@@bidi_end_edge', 'right'],
  ];
}

/** MessageBundle::IsValidName: ASCII letters, digits, '_' and '@'. */
function isValidName(name: string): boolean {
  return /^[A-Za-z0-9_@]+$/.test(name);
}

/**
 * MessageBundle::ReplaceVariables: each `<begin>name<end>` with a valid name is replaced by the
 * variable's value; a valid name with no variable is an error. Returns the error's text.
 */
export function replaceVariables(text: string, variables: ReadonlyMap<string, string>, begin: string, end: string): { text: string } | { error: string } {
  let message = text;
  let index = 0;
  for (;;) {
    const at = message.indexOf(begin, index);
    if (at === -1) return { text: message };
    index = at + begin.length;
    if (index >= message.length) return { text: message };
    const close = message.indexOf(end, index);
    if (close === -1) return { text: message };
    const name = message.slice(index, close);
    if (!isValidName(name)) continue;
    const value = variables.get(name.toLowerCase());
    if (value === undefined) return { error: variableUsedButNotDefined(`${begin}${name}${end}`) };
    message = message.slice(0, at) + value + message.slice(close + end.length);
  }
}

const isDictionary = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** MessageBundle::Init for one catalog: each message with its placeholders replaced. Throws ManifestError. */
export function buildDictionary(catalog: unknown, uiLocale: string): Map<string, string> {
  const dictionary = new Map<string, string>();
  if (!isDictionary(catalog)) return dictionary;
  for (const [key, entry] of Object.entries(catalog)) {
    const message = isDictionary(entry) ? entry.message : undefined;
    if (typeof message !== 'string') throw new ManifestError(noMessageElement(key), 'default_locale');
    const placeholders = new Map<string, string>();
    const declared = (entry as Record<string, unknown>).placeholders;
    if (isDictionary(declared)) {
      for (const [name, placeholder] of Object.entries(declared)) {
        const content = isDictionary(placeholder) ? placeholder.content : undefined;
        if (typeof content !== 'string') throw new ManifestError(invalidContentElement(key), 'default_locale');
        placeholders.set(name.toLowerCase(), content);
      }
    }
    const replaced = replaceVariables(message, placeholders, '$', '$');
    if ('error' in replaced) throw new ManifestError(replaced.error, 'default_locale');
    dictionary.set(key.toLowerCase(), replaced.text);
  }
  for (const [name, value] of reservedMessages(uiLocale)) dictionary.set(name, value);
  return dictionary;
}

/** The manifest keys Chrome localizes (extension_l10n_util.cc LocalizeManifest), as paths. */
const LOCALIZED_KEYS: readonly (readonly string[])[] = [
  ['name'],
  ['short_name'],
  ['description'],
  ['action', 'default_title'],
  ['browser_action', 'default_title'],
  ['page_action', 'default_title'],
  ['omnibox', 'keyword'],
  ['side_panel', 'default_title'],
];

/** The manifest with its `__MSG_name__` replaced; the input is not changed. Throws ManifestError. */
export function localizeManifest<M extends Record<string, unknown>>(manifest: M, dictionary: MessageDictionary): M {
  const copy = structuredClone(manifest) as Record<string, unknown>;
  const localize = (holder: Record<string, unknown>, key: string, path: string): void => {
    const value = holder[key];
    if (typeof value !== 'string') return;
    const replaced = replaceVariables(value, dictionary, '__MSG_', '__');
    if ('error' in replaced) throw new ManifestError(replaced.error, path);
    holder[key] = replaced.text;
  };
  for (const path of LOCALIZED_KEYS) {
    let holder: unknown = copy;
    for (const key of path.slice(0, -1)) holder = isDictionary(holder) ? holder[key] : undefined;
    if (isDictionary(holder)) localize(holder, path[path.length - 1]!, path.join('.'));
  }
  const commands = copy.commands;
  if (isDictionary(commands)) {
    for (const [name, command] of Object.entries(commands)) if (isDictionary(command)) localize(command, 'description', `commands.${name}.description`);
  }
  return copy as M;
}

/** The UI locale of the Chromium 156 the conformance suite runs (its @@ui_locale; getUILanguage gives it as 'en-US'). */
export const UI_LOCALE = 'en_US';
