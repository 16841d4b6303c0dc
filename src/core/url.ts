/** URL facts the browser model needs: origins as Chromium serializes them, same-document checks. */

const EXTENSION_SCHEME = 'chrome-extension:';

export function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new TypeError(`Invalid URL: '${url}'`);
  }
}

/**
 * url::Origin::Serialize: scheme://host[:port] for tuple origins, "null" for opaque ones.
 * Node's URL gives "null" for chrome-extension:, which Chromium treats as a standard scheme.
 * about:blank and about:srcdoc inherit the origin of the frame that created them.
 */
export function originOf(url: string, inheritedOrigin?: string): string {
  const parsed = parseUrl(url);
  if (parsed.protocol === EXTENSION_SCHEME) return `chrome-extension://${parsed.host}`;
  if (parsed.protocol === 'about:') return inheritedOrigin ?? 'null';
  return parsed.origin;
}

export function extensionIdOfUrl(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed.protocol === EXTENSION_SCHEME ? parsed.host : undefined;
}

/** A navigation that changes only the fragment stays in the same document. */
export function isSameDocumentNavigation(from: string, to: string): boolean {
  const a = parseUrl(from);
  const b = parseUrl(to);
  if (!b.hash) return false;
  a.hash = '';
  b.hash = '';
  return a.href === b.href;
}
