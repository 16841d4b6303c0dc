import { cannotReadPropertiesOf, omniboxInvalidXml } from '../core/errors.ts';
import { omniboxOf, type Suggestion } from '../platform/omnibox.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const STYLES = { type: 'array', optional: true } as const;

// omnibox.json
const SET_DEFAULT_SUGGESTION = new APISignature('omnibox.setDefaultSuggestion', [
  { name: 'suggestion', type: 'object', ref: 'omnibox.DefaultSuggestResult', properties: { description: { type: 'string' }, descriptionStyles: STYLES, descriptionStylesRaw: STYLES } },
  CALLBACK,
]);
const SEND_SUGGESTIONS = new APISignature('omnibox.sendSuggestions', [
  { name: 'requestId', type: 'integer' },
  {
    name: 'suggestResults',
    type: 'array',
    items: { type: 'object', properties: { content: { type: 'string' }, description: { type: 'string' }, deletable: { type: 'boolean', optional: true }, descriptionStyles: STYLES, descriptionStylesRaw: STYLES } },
  },
]);

/** chrome.omnibox (omnibox_api.cc and its custom bindings): suggestions for the extension's keyword. */
export function createOmnibox(messaging: ContextMessaging): object {
  const context = messaging.context;
  const omnibox = omniboxOf(context.extension!);
  const sendSuggestions = function sendSuggestions(...args: unknown[]): undefined {
    // The custom bindings walk the suggestions before the schema sees them.
    const results = args[1];
    if (results === undefined || results === null) throw new messaging.realm.TypeError(cannotReadPropertiesOf(String(results), 'length'));
    const [requestId, suggestions] = SEND_SUGGESTIONS.parse(args, messaging.realm);
    // A description that is not XML is dropped in the browser, with no error for the caller (observed in Chromium 156).
    omnibox.receiveSuggestions(requestId as number, (suggestions as Suggestion[]).map((s) => ({ ...s })));
    return undefined;
  };
  // onInputChanged's listeners get the text and a suggest function that answers this request.
  const onInputChanged = messaging.event('omnibox.onInputChanged');
  const dispatch = onInputChanged.dispatch.bind(onInputChanged);
  onInputChanged.dispatch = (args) => {
    const requestId = args[1] as number;
    return dispatch([args[0], (suggestResults: unknown) => sendSuggestions(requestId, suggestResults)]);
  };
  return {
    onActionExecuted: messaging.event('omnibox.onActionExecuted'),
    onDeleteSuggestion: messaging.event('omnibox.onDeleteSuggestion'),
    onInputCancelled: messaging.event('omnibox.onInputCancelled'),
    onInputEntered: messaging.event('omnibox.onInputEntered'),
    onInputChanged,
    onInputStarted: messaging.event('omnibox.onInputStarted'),
    sendSuggestions,
    setDefaultSuggestion: apiFunction(messaging, SET_DEFAULT_SUGGESTION, (suggestion) => {
      const { description, descriptionStyles } = suggestion as { description: string; descriptionStyles?: unknown[] };
      const error = xmlError(description);
      if (error) throw new ApiError(error);
      omnibox.defaultSuggestion = { description, ...(descriptionStyles && { descriptionStyles }) };
    }),
    DescriptionStyleType: { DIM: 'dim', MATCH: 'match', URL: 'url' },
    OnInputEnteredDisposition: { CURRENT_TAB: 'currentTab', NEW_BACKGROUND_TAB: 'newBackgroundTab', NEW_FOREGROUND_TAB: 'newForegroundTab' },
  };
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * The browser parses the description as the XML fragment `<fragment>…</fragment>` (libxml2 in
 * the data decoder). This finds the two failures Chromium 156 was seen to report — a closing tag
 * that is not the open one, and an `&` that starts no entity — with libxml2's words; other
 * malformed input passes.
 */
function xmlError(description: string): string | undefined {
  const fragment = `<fragment>${description}</fragment>`;
  const open: string[] = [];
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i];
    if (c === '&') {
      const rest = fragment.slice(i + 1);
      if (rest.startsWith('#')) continue;
      const name = NAME.exec(rest)?.[0];
      if (name === undefined) return omniboxInvalidXml('unbalanced elements', 'xmlParseEntityRef: no name', fragment);
      if (!ENTITIES.has(name)) continue;
    } else if (c === '<') {
      const rest = fragment.slice(i + 1);
      const closing = rest.startsWith('/');
      const name = NAME.exec(closing ? rest.slice(1) : rest)?.[0];
      if (name === undefined) continue;
      const end = fragment.indexOf('>', i);
      if (end === -1) return undefined;
      const selfClosing = fragment[end - 1] === '/';
      i = end;
      if (!closing) {
        if (!selfClosing) open.push(name);
        continue;
      }
      const top = open.pop();
      if (top !== name) return omniboxInvalidXml('bad content', `Opening and ending tag mismatch: ${top} line 1 and ${name}`, fragment);
    }
  }
  return undefined;
}
