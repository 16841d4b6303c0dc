/**
 * The browser side of the extension platform beyond messaging: what the chrome.* namespaces other
 * than messaging act on (installation events, contexts, storage, alarms, the action...). Each
 * service keeps its state per Browser and depends on the core, never the reverse.
 */
import type { Browser } from '../core/browser.ts';
import { observeActionClicks } from './action.ts';
import { attachAlarms } from './alarms.ts';
import { attachRuntimeEvents } from './runtime.ts';
import { grantActiveTab } from './scripting.ts';
import { attachTabCapture } from './tab-capture.ts';
import { attachWebNavigation } from './web-navigation.ts';

const attached = new WeakSet<Browser>();

/** Makes `browser` raise the platform's own events (runtime.onInstalled...); once per browser. */
export function attachPlatform(browser: Browser): void {
  if (attached.has(browser)) return;
  attached.add(browser);
  attachRuntimeEvents(browser);
  attachAlarms(browser);
  attachTabCapture(browser);
  // A click on the action grants activeTab for the tab (ActiveTabPermissionGranter).
  observeActionClicks(browser, (extension, tab) => grantActiveTab(extension, tab.id));
  attachWebNavigation(browser);
}
