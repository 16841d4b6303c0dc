/**
 * Offscreen documents (extensions/browser/api/offscreen/offscreen_document_manager.cc): at most one
 * per extension, an extension page in a view of its own, closed by closeDocument or when the
 * extension unloads.
 */
import {
  OFFSCREEN_ALREADY_EXISTS,
  OFFSCREEN_INVALID_URL,
  OFFSCREEN_NONE,
  OFFSCREEN_NO_REASON,
  OFFSCREEN_PAGE_FAILED,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import type { Tab } from '../core/tab.ts';

/** offscreen.json's Reason enum. */
export const OFFSCREEN_REASONS = [
  'AUDIO_PLAYBACK', 'BATTERY_STATUS', 'BLOBS', 'CLIPBOARD', 'DISPLAY_MEDIA', 'DOM_PARSER', 'DOM_SCRAPING', 'GEOLOCATION',
  'IFRAME_SCRIPTING', 'LOCAL_STORAGE', 'MATCH_MEDIA', 'TESTING', 'USER_MEDIA', 'WEB_RTC', 'WORKERS',
] as const;

export class OffscreenError extends Error {
  override readonly name = 'OffscreenError';
}

const documents = new WeakMap<Extension, Tab>();

/** The extension's open offscreen document, if it has one. */
export function offscreenDocumentOf(extension: Extension): Tab | undefined {
  const view = documents.get(extension);
  return view && !view.closed ? view : undefined;
}

/** offscreen.createDocument: the page must be a file of the extension, and none may be open already. */
export function createOffscreenDocument(extension: Extension, url: string, reasons: readonly string[]): Tab {
  if (reasons.length === 0) throw new OffscreenError(OFFSCREEN_NO_REASON);
  let resolved: URL;
  try {
    resolved = new URL(url, extension.getURL(''));
  } catch {
    throw new OffscreenError(OFFSCREEN_INVALID_URL);
  }
  if (resolved.protocol !== 'chrome-extension:' || resolved.host !== extension.id) throw new OffscreenError(OFFSCREEN_INVALID_URL);
  if (offscreenDocumentOf(extension)) throw new OffscreenError(OFFSCREEN_ALREADY_EXISTS);
  if (!extension.hasFile(decodeURIComponent(resolved.pathname))) throw new OffscreenError(OFFSCREEN_PAGE_FAILED);
  const view = extension.browser.openView(resolved.href, 'offscreen_document');
  documents.set(extension, view);
  return view;
}

export function closeOffscreenDocument(extension: Extension): void {
  const view = offscreenDocumentOf(extension);
  if (!view) throw new OffscreenError(OFFSCREEN_NONE);
  view.close();
  documents.delete(extension);
}
