/**
 * The peer for in-process messaging: @webext-core/fake-browser (WXT's test fake). It implements
 * runtime.sendMessage → runtime.onMessage only, on one module-level singleton; tabs.sendMessage,
 * runtime.connect and ports throw "not implemented", so it can express one-time requests and
 * nothing else. A listener answers through sendResponse and must return true (its rule).
 */
import { fakeBrowser } from '@webext-core/fake-browser';

export const FAKE_BROWSER = '@webext-core/fake-browser';
export const FAKE_BROWSER_CANNOT = `${FAKE_BROWSER} has no tabs.sendMessage, runtime.connect or ports (they throw "not implemented")`;

/** Resets the singleton and installs an onMessage listener that answers with `answer(request)`. */
export function listenWithFakeBrowser(answer: (request: unknown) => unknown): void {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener((request: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    sendResponse(answer(request));
    return true;
  });
}

export function sendWithFakeBrowser(message: unknown): Promise<unknown> {
  return fakeBrowser.runtime.sendMessage(message);
}
