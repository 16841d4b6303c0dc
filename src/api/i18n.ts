import { ACCEPT_LANGUAGES, UI_LANGUAGE, detectLanguage, getMessage, type LanguageDetectionResult } from '../platform/i18n.ts';
import { apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { assertContextValid } from './runtime.ts';
import { named } from './runtime-platform.ts';
import { APISignature, type ParamSpec } from './signature.ts';

/**
 * chrome.i18n (i18n.json, extensions/renderer/i18n_hooks_delegate.cc) in every extension context:
 * getMessage and getUILanguage answer synchronously in the renderer, from the messages the
 * extension was loaded with; getAcceptLanguages and detectLanguage ask the browser.
 */
export interface I18n {
  detectLanguage(...args: unknown[]): Promise<LanguageDetectionResult> | undefined;
  getAcceptLanguages(...args: unknown[]): Promise<string[]> | undefined;
  getMessage(...args: unknown[]): string | undefined;
  getUILanguage(...args: unknown[]): string;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const GET_MESSAGE = new APISignature('i18n.getMessage', [
  { name: 'messageName', type: 'string' },
  { name: 'substitutions', type: 'any', optional: true },
  { name: 'options', type: 'object', optional: true, properties: { escapeLt: { type: 'boolean', optional: true } } },
]);
const GET_UI_LANGUAGE = new APISignature('i18n.getUILanguage', []);
const GET_ACCEPT_LANGUAGES = new APISignature('i18n.getAcceptLanguages', [CALLBACK]);
const DETECT_LANGUAGE = new APISignature('i18n.detectLanguage', [{ name: 'text', type: 'string' }, CALLBACK]);

/** The substitutions as GetI18nMessage reads them: an array's items as strings, one string, or none. */
function substitutionsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return Array.from(value as unknown[], (item) => {
    try {
      return String(item);
    } catch {
      return ''; // gin::V8ToString of a value whose conversion throws
    }
  });
}

export function createI18n(messaging: ContextMessaging): I18n {
  const extension = messaging.context.extension!;
  return {
    detectLanguage: apiFunction(messaging, DETECT_LANGUAGE, (text) => detectLanguage(text as string)) as I18n['detectLanguage'],
    getAcceptLanguages: apiFunction(messaging, GET_ACCEPT_LANGUAGES, () => [...ACCEPT_LANGUAGES]) as I18n['getAcceptLanguages'],
    getMessage: named('getMessage', (...args: unknown[]) => {
      assertContextValid(messaging);
      const [name, substitutions, options] = GET_MESSAGE.parse(args, messaging.realm);
      return getMessage(extension, name as string, substitutionsOf(substitutions), (options ?? {}) as { escapeLt?: boolean });
    }),
    getUILanguage: named('getUILanguage', (...args: unknown[]) => {
      assertContextValid(messaging);
      GET_UI_LANGUAGE.parse(args, messaging.realm);
      return UI_LANGUAGE;
    }),
  };
}
