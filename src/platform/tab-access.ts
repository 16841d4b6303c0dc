/**
 * What an extension may see of a tab (ExtensionTabUtil::GetScrubTabBehavior and ScrubTabForExtension,
 * chrome/browser/extensions/extension_tab_util.cc): with the "tabs" permission, or host permission
 * for the tab's URL, or for its own pages, everything; otherwise the tab object has no url, title or
 * favIconUrl. The pending URL is judged on its own, by the same rules (observed in Chromium 156).
 */
import type { Extension } from '../core/extension.ts';
import { MatchPattern, MatchPatternError, SCHEME_ALL } from '../core/manifest/match-pattern.ts';
import type { TabInfo } from '../core/tab.ts';

/** The properties a scrubbed tab lacks. */
const COMMITTED_KEYS = ['favIconUrl', 'title', 'url'] as const;

const hostPatterns = new WeakMap<Extension, MatchPattern[]>();

/** The extension's host_permissions, parsed once (an unparsable one grants nothing). */
export function hostPermissions(extension: Extension): MatchPattern[] {
  let patterns = hostPatterns.get(extension);
  if (!patterns) {
    const declared = (extension.manifest as { host_permissions?: unknown }).host_permissions;
    const list = Array.isArray(declared) ? declared.filter((p): p is string => typeof p === 'string') : [];
    patterns = list.map((p) => MatchPattern.tryParse(p, SCHEME_ALL)).filter((p): p is MatchPattern => !(p instanceof MatchPatternError));
    hostPatterns.set(extension, patterns);
  }
  return patterns;
}

/** Whether the extension may read a tab whose URL is `url`. */
export function canSeeUrl(extension: Extension, url: string): boolean {
  if (extension.parsed.permissions.has('tabs')) return true;
  if (url === '') return false;
  if (url.startsWith(`chrome-extension://${extension.id}/`)) return true;
  return hostPermissions(extension).some((pattern) => pattern.matches(url));
}

/** The tab as the extension sees it: a copy without what it may not read, keys in Chrome's order. */
export function scrubTab(extension: Extension, info: TabInfo): TabInfo {
  const copy = structuredClone(info);
  if (!canSeeUrl(extension, info.url)) for (const key of COMMITTED_KEYS) delete copy[key];
  if (info.pendingUrl !== undefined && !canSeeUrl(extension, info.pendingUrl)) delete copy.pendingUrl;
  return copy;
}

/** tabs.onUpdated's changeInfo: the changed properties the scrubbed tab still has, in its key order. */
export function changeInfo(scrubbed: TabInfo, changed: readonly string[]): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scrubbed)) if (changed.includes(key)) info[key] = value;
  return info;
}
