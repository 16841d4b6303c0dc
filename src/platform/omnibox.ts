/**
 * The extension's keyword in the omnibox (ExtensionOmniboxEventRouter and OmniboxAPI,
 * chrome/browser/extensions/api/omnibox/omnibox_api.cc): a user who types the manifest's
 * `omnibox.keyword` and then text starts an input session; each change asks the extension for
 * suggestions; Enter or leaving the box ends the session.
 */
import type { Extension } from '../core/extension.ts';
import { dispatchWithUserGesture } from './user-gesture.ts';

/** omnibox.SuggestResult as the extension sent it. */
export interface Suggestion {
  readonly content: string;
  readonly description: string;
  readonly deletable?: boolean;
  readonly descriptionStyles?: readonly unknown[];
}

/** omnibox.OnInputEnteredDisposition. */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

export class OmniboxError extends Error {
  override readonly name = 'OmniboxError';
}

/** One extension's omnibox state. */
export class ExtensionOmnibox {
  /** setDefaultSuggestion's last suggestion. */
  defaultSuggestion: { description: string; descriptionStyles?: readonly unknown[] } | undefined;
  /** The suggestions sent for the latest input, if any came. */
  suggestions: readonly Suggestion[] = [];
  #inSession = false;
  #nextRequestId = 1;
  #latestRequestId = 0;

  constructor(readonly extension: Extension) {}

  get keyword(): string | undefined {
    const keyword = (this.extension.manifest as { omnibox?: { keyword?: unknown } }).omnibox?.keyword;
    return typeof keyword === 'string' ? keyword : undefined;
  }

  /** sendSuggestions: only the answer to the latest input counts (OmniboxSuggestionsReady). */
  receiveSuggestions(requestId: number, suggestions: readonly Suggestion[]): void {
    if (requestId === this.#latestRequestId) this.suggestions = suggestions;
  }

  /** The keyword was typed (and a space): onInputStarted, once per session. */
  #start(): void {
    if (this.#inSession) return;
    this.#inSession = true;
    this.extension.browser.events.dispatchToExtension(this.extension, 'omnibox.onInputStarted', []);
  }

  type(text: string): void {
    this.#start();
    const requestId = this.#nextRequestId++;
    this.#latestRequestId = requestId;
    this.suggestions = [];
    this.extension.browser.events.dispatchToExtension(this.extension, 'omnibox.onInputChanged', [text, requestId]);
  }

  enter(text: string, disposition: Disposition): void {
    this.#start();
    this.#inSession = false;
    dispatchWithUserGesture(this.extension, 'omnibox.onInputEntered', [text, disposition]);
  }

  cancel(): void {
    if (!this.#inSession) return;
    this.#inSession = false;
    this.extension.browser.events.dispatchToExtension(this.extension, 'omnibox.onInputCancelled', []);
  }

  deleteSuggestion(description: string): void {
    this.extension.browser.events.dispatchToExtension(this.extension, 'omnibox.onDeleteSuggestion', [description]);
  }
}

const omniboxes = new WeakMap<Extension, ExtensionOmnibox>();

/** The extension's omnibox state; throws if its manifest has no omnibox keyword. */
export function omniboxOf(extension: Extension): ExtensionOmnibox {
  let omnibox = omniboxes.get(extension);
  if (!omnibox) {
    omnibox = new ExtensionOmnibox(extension);
    omniboxes.set(extension, omnibox);
  }
  return omnibox;
}

function keywordOmnibox(extension: Extension): ExtensionOmnibox {
  const omnibox = omniboxOf(extension);
  if (omnibox.keyword === undefined) throw new OmniboxError(`Extension ${extension.id} has no omnibox keyword in its manifest`);
  if (!extension.enabled) throw new OmniboxError(`Extension ${extension.id} is not enabled`);
  return omnibox;
}

/**
 * A user types the extension's keyword, then `text`: onInputStarted (once per session), then
 * onInputChanged(text, suggest). What the extension suggests is `omniboxSuggestions(extension)`
 * once the browser is idle.
 */
export function typeInOmnibox(extension: Extension, text: string): void {
  keywordOmnibox(extension).type(text);
}

/** The user presses Enter on `text`: onInputEntered(text, disposition), a user gesture; the session ends. */
export function enterInOmnibox(extension: Extension, text: string, disposition: Disposition = 'currentTab'): void {
  keywordOmnibox(extension).enter(text, disposition);
}

/** The user leaves the omnibox while in the extension's keyword mode: onInputCancelled. */
export function cancelOmnibox(extension: Extension): void {
  keywordOmnibox(extension).cancel();
}

/** The user deletes one of the extension's deletable suggestions: onDeleteSuggestion(description). */
export function deleteOmniboxSuggestion(extension: Extension, description: string): void {
  keywordOmnibox(extension).deleteSuggestion(description);
}

/** What the extension shows in the omnibox: its default suggestion and the suggestions for the latest input. */
export function omniboxSuggestions(extension: Extension): { defaultSuggestion: ExtensionOmnibox['defaultSuggestion']; suggestions: readonly Suggestion[] } {
  const omnibox = omniboxOf(extension);
  return { defaultSuggestion: omnibox.defaultSuggestion, suggestions: omnibox.suggestions };
}
