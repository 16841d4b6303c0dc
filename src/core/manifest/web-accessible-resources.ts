import type { Manifest } from './manifest.ts';
import { MatchPatternSet, SCHEME_ALL, matchGlob } from './match-pattern.ts';

/**
 * web_accessible_resources (MV3): whether a document at `documentUrl` may load the extension's file
 * at `path` (WebAccessibleResourcesInfo::IsResourceWebAccessible): an entry whose `resources`
 * globs match the path (each with a leading "/", as Chrome makes them URL patterns of the
 * extension) and whose `matches` patterns match the document. A content script loads as its page.
 */
export function isWebAccessible(manifest: Manifest, path: string, documentUrl: string): boolean {
  const entries = manifest.web_accessible_resources;
  if (!Array.isArray(entries)) return false;
  const absolute = (text: string) => (text.startsWith('/') ? text : `/${text}`);
  return entries.some((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const { resources, matches } = entry as { resources?: unknown; matches?: unknown };
    if (!Array.isArray(resources) || !Array.isArray(matches)) return false;
    if (!resources.some((glob) => typeof glob === 'string' && matchGlob(absolute(path), absolute(glob)))) return false;
    try {
      return MatchPatternSet.parse(matches.filter((text): text is string => typeof text === 'string'), SCHEME_ALL).matchesUrl(documentUrl);
    } catch {
      // Chrome refuses to load a manifest with a bad pattern here; nothing matches it.
      return false;
    }
  });
}
