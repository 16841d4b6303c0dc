/**
 * The chrome.tabs and chrome.windows events (TabsEventRouter and WindowsEventRouter,
 * chrome/browser/extensions/api/tabs/): the browser's tab strip changes, and every enabled
 * extension hears them, each tab object scrubbed for that extension.
 */
import type { Browser } from '../core/browser.ts';
import type { Extension } from '../core/extension.ts';
import type { TabStripEvent } from '../core/window.ts';
import { changeInfo, scrubTab } from './tab-access.ts';

const attached = new WeakSet<Browser>();

/** Makes `browser` raise the tabs and windows events; once per browser. */
export function attachTabEvents(browser: Browser): void {
  if (attached.has(browser)) return;
  attached.add(browser);
  browser.observeTabStrip((event) => {
    const name = EVENT_NAMES[event.type];
    for (const extension of browser.extensions.values()) {
      if (!extension.enabled || !browser.events.listens(extension, name)) continue;
      const raised = eventFor(extension, event);
      if (raised) browser.events.dispatchToExtension(extension, raised[0], raised[1]);
    }
  });
}

/** The event each change of the tab strip raises. */
const EVENT_NAMES: Readonly<Record<TabStripEvent['type'], string>> = {
  tabCreated: 'tabs.onCreated',
  tabUpdated: 'tabs.onUpdated',
  tabActivated: 'tabs.onActivated',
  tabHighlighted: 'tabs.onHighlighted',
  tabRemoved: 'tabs.onRemoved',
  tabReplaced: 'tabs.onReplaced',
  tabMoved: 'tabs.onMoved',
  tabDetached: 'tabs.onDetached',
  tabAttached: 'tabs.onAttached',
  windowCreated: 'windows.onCreated',
  windowRemoved: 'windows.onRemoved',
  windowFocusChanged: 'windows.onFocusChanged',
  windowBoundsChanged: 'windows.onBoundsChanged',
};

function eventFor(extension: Extension, event: TabStripEvent): [string, unknown[]] | undefined {
  switch (event.type) {
    case 'tabCreated':
      return ['tabs.onCreated', [scrubTab(extension, event.info)]];
    case 'tabUpdated': {
      const tab = scrubTab(extension, event.info);
      return ['tabs.onUpdated', [event.tab.id, changeInfo(tab, event.changed), tab]];
    }
    case 'tabActivated':
      return ['tabs.onActivated', [{ tabId: event.tabId, windowId: event.windowId }]];
    case 'tabHighlighted':
      return ['tabs.onHighlighted', [{ tabIds: [...event.tabIds], windowId: event.windowId }]];
    case 'tabRemoved':
      return ['tabs.onRemoved', [event.tabId, { isWindowClosing: event.isWindowClosing, windowId: event.windowId }]];
    case 'tabReplaced':
      return ['tabs.onReplaced', [event.addedTabId, event.removedTabId]];
    case 'tabMoved':
      return ['tabs.onMoved', [event.tabId, { fromIndex: event.fromIndex, toIndex: event.toIndex, windowId: event.windowId }]];
    case 'tabDetached':
      return ['tabs.onDetached', [event.tabId, { oldPosition: event.oldPosition, oldWindowId: event.oldWindowId }]];
    case 'tabAttached':
      return ['tabs.onAttached', [event.tabId, { newPosition: event.newPosition, newWindowId: event.newWindowId }]];
    case 'windowCreated':
      return ['windows.onCreated', [event.info]];
    case 'windowRemoved':
      return ['windows.onRemoved', [event.windowId]];
    case 'windowFocusChanged':
      return ['windows.onFocusChanged', [event.windowId]];
    case 'windowBoundsChanged':
      return ['windows.onBoundsChanged', [event.info]];
  }
}
