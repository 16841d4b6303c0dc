/**
 * chrome.tabCapture's browser side (chrome/browser/extensions/api/tab_capture/): an extension may
 * capture a tab once the user invoked it there (an action click grants it, with or without the
 * activeTab permission: observed in Chromium 156); a stream id names the capture for getUserMedia.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from '../core/browser.ts';
import { TAB_CAPTURE_INVALID_TAB, TAB_CAPTURE_NOT_INVOKED } from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import { observeActionClicks } from './action.ts';

export class TabCaptureError extends Error {
  override readonly name = 'TabCaptureError';
}

/** The tabs each extension was invoked on, and the origin the tab showed then. */
const invoked = new WeakMap<Extension, Map<number, string>>();
const attached = new WeakSet<Browser>();

export function attachTabCapture(browser: Browser): void {
  if (attached.has(browser)) return;
  attached.add(browser);
  observeActionClicks(browser, (extension, tab) => {
    let tabs = invoked.get(extension);
    if (!tabs) invoked.set(extension, (tabs = new Map()));
    tabs.set(tab.id, originOf(tab.url));
  });
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * tabCapture.getMediaStreamId: the target tab (by default the active tab of the current window)
 * must exist and the extension must have been invoked on it, on the origin it shows now.
 */
export function mediaStreamId(extension: Extension, targetTabId: number | undefined): string {
  const browser = extension.browser;
  const tab = targetTabId === undefined ? browser.lastFocusedWindow?.activeTab : browser.getTab(targetTabId);
  if (!tab) throw new TabCaptureError(TAB_CAPTURE_INVALID_TAB);
  const origin = invoked.get(extension)?.get(tab.id);
  if (origin === undefined || origin !== originOf(tab.url)) throw new TabCaptureError(TAB_CAPTURE_NOT_INVOKED);
  // Chrome's ids are 24 characters of base64 (observed), random per call.
  return randomBytes(18).toString('base64');
}
