import { platform, arch } from 'node:process';
import type { Browser } from '../core/browser.ts';
import type { ScriptContext } from '../core/context.ts';
import type { Extension } from '../core/extension.ts';
import type { ViewType } from '../core/tab.ts';

/** runtime.ExtensionContext, as Chrome lists it (keys in Chrome's order: alphabetical). */
export interface ExtensionContextInfo {
  contextId: string;
  contextType: ContextTypeName;
  documentId?: string;
  documentOrigin?: string;
  documentUrl?: string;
  frameId: number;
  incognito: boolean;
  tabId: number;
  windowId: number;
}

export type ContextTypeName = 'BACKGROUND' | 'DEVELOPER_TOOLS' | 'OFFSCREEN_DOCUMENT' | 'POPUP' | 'SIDE_PANEL' | 'TAB';
export const CONTEXT_TYPES: readonly ContextTypeName[] = ['BACKGROUND', 'DEVELOPER_TOOLS', 'OFFSCREEN_DOCUMENT', 'POPUP', 'SIDE_PANEL', 'TAB'];

/** runtime.ContextFilter: each given list narrows the contexts to those whose field is in it. */
export interface ContextFilter {
  contextIds?: string[];
  contextTypes?: string[];
  documentIds?: string[];
  documentOrigins?: string[];
  documentUrls?: string[];
  frameIds?: number[];
  incognito?: boolean;
  tabIds?: number[];
  windowIds?: number[];
}

const VIEW_CONTEXT_TYPES: Readonly<Record<ViewType, ContextTypeName>> = {
  popup: 'POPUP',
  side_panel: 'SIDE_PANEL',
  offscreen_document: 'OFFSCREEN_DOCUMENT',
};

/** The kind of view an extension page is in: a tab, or a view outside the tab strip. */
export function contextTypeOf(context: ScriptContext): ContextTypeName {
  if (context.type === 'service_worker') return 'BACKGROUND';
  const view = context.tab?.view;
  return view ? VIEW_CONTEXT_TYPES[view] : 'TAB';
}

/** RuntimeGetContextsFunction (extensions/browser/api/runtime/runtime_api.cc): the service worker, then pages. */
export function getContexts(browser: Browser, extension: Extension, filter: ContextFilter): ExtensionContextInfo[] {
  const infos = browser.contextsOf(extension).map(describeContext);
  const keep = <T>(list: readonly T[] | undefined, value: T | undefined): boolean => list === undefined || (value !== undefined && list.includes(value));
  return infos.filter(
    (info) =>
      keep(filter.contextIds, info.contextId) &&
      keep(filter.contextTypes, info.contextType) &&
      keep(filter.documentIds, info.documentId) &&
      keep(filter.documentOrigins, info.documentOrigin) &&
      keep(filter.documentUrls, info.documentUrl) &&
      keep(filter.frameIds, info.frameId) &&
      (filter.incognito === undefined || filter.incognito === info.incognito) &&
      keep(filter.tabIds, info.tabId) &&
      keep(filter.windowIds, info.windowId),
  );
}

function describeContext(context: ScriptContext): ExtensionContextInfo {
  const document = context.document;
  if (!document) {
    // A worker has no frame, tab or window (observed in Chromium 156).
    return { contextId: context.contextId, contextType: 'BACKGROUND', frameId: -1, incognito: false, tabId: -1, windowId: -1 };
  }
  const tab = document.frame.tab;
  const inTab = tab.view === undefined;
  return {
    contextId: context.contextId,
    contextType: contextTypeOf(context),
    documentId: document.documentId,
    documentOrigin: document.origin,
    documentUrl: document.url,
    frameId: document.frame.frameId,
    incognito: false,
    tabId: inTab ? tab.id : -1,
    windowId: inTab ? tab.windowId : -1,
  };
}

/** runtime.PlatformInfo of the machine Switchboard runs on, in Chrome's names. */
export function platformInfo(): { arch: string; nacl_arch: string; os: string } {
  const os = platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : platform === 'android' ? 'android' : platform === 'openbsd' ? 'openbsd' : 'linux';
  const archName = arch === 'x64' ? 'x86-64' : arch === 'ia32' ? 'x86-32' : arch === 'arm64' ? 'arm64' : arch === 'arm' ? 'arm' : arch === 'riscv64' ? 'riscv64' : arch === 'ppc64' ? 'ppc64' : arch;
  const nacl = archName === 'arm64' ? 'arm' : archName;
  return { arch: archName, nacl_arch: nacl, os };
}

/** The manifest as Chrome's getManifest() gives it: its dictionaries' keys sorted, as base::Value keeps them. */
export function sortedManifest(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedManifest);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedManifest((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * The runtime events the browser raises by itself: onInstalled once the new extension's worker has
 * started (ExtensionRegistrar → RuntimeEventRouter::DispatchOnInstalledEvent), with reason
 * "install", and "update" with the previous version when the extension is reloaded (an unpacked
 * extension's reload installs it again: observed in Chromium 156,
 * conformance/runtime-on-installed-reason-update-after-reload).
 */
export function attachRuntimeEvents(browser: Browser): void {
  browser.observeExtensions((extension, event) => {
    if (event !== 'installed' && event !== 'reloaded') return;
    const details = event === 'installed' ? { reason: 'install' } : { previousVersion: extension.manifest.version, reason: 'update' };
    // The browser hears that the worker started after the requests its top level made (observed in
    // Chromium 156: a getPlatformInfo callback from the top level runs before onInstalled).
    void extension.serviceWorkerStarted.then(() => browser.post(() => browser.events.dispatchToExtension(extension, 'runtime.onInstalled', [details])));
  });
}
