/**
 * Chrome's match patterns: a port of extensions/common/url_pattern.cc (URLPattern) and
 * url_pattern_set.cc (URLPatternSet), plus base/strings/pattern.cc (MatchPattern), the glob matcher
 * both URL patterns and content-script globs use.
 *
 * URLs are parsed with WHATWG `URL` and then adjusted where Chromium's GURL sees them differently:
 * chrome-extension:// and chrome:// are "standard" in Chromium (lowercased host, "/" path), and a
 * non-standard URL such as about:blank or data:… is all path.
 */

import {
  PARSE_ERROR_MISSING_SCHEME_SEPARATOR,
  PARSE_ERROR_INVALID_SCHEME,
  PARSE_ERROR_WRONG_SCHEME_TYPE,
  PARSE_ERROR_EMPTY_HOST,
  PARSE_ERROR_INVALID_HOST_WILDCARD,
  PARSE_ERROR_EMPTY_PATH,
  PARSE_ERROR_INVALID_PORT,
  PARSE_ERROR_INVALID_HOST,
} from '../errors.ts';

// URLPattern::SchemeMasks (url_pattern.h).
export const SCHEME_NONE = 0;
export const SCHEME_HTTP = 1 << 0;
export const SCHEME_HTTPS = 1 << 1;
export const SCHEME_FILE = 1 << 2;
export const SCHEME_FTP = 1 << 3;
export const SCHEME_CHROMEUI = 1 << 4;
export const SCHEME_EXTENSION = 1 << 5;
export const SCHEME_FILESYSTEM = 1 << 6;
export const SCHEME_WS = 1 << 7;
export const SCHEME_WSS = 1 << 8;
export const SCHEME_DATA = 1 << 9;
export const SCHEME_UUID_IN_PACKAGE = 1 << 10;
/** Every scheme, even ones Chromium does not know (about:, javascript:, blob:). externally_connectable uses it. */
export const SCHEME_ALL = -1;

/**
 * user_script.cc kValidUserScriptSchemes without SCHEME_CHROMEUI, which only the
 * --extensions-on-chrome-urls switch adds (UserScript::ValidUserScriptSchemes).
 */
export const CONTENT_SCRIPT_SCHEMES = SCHEME_HTTP | SCHEME_HTTPS | SCHEME_FILE | SCHEME_FTP | SCHEME_UUID_IN_PACKAGE;

/** url_pattern.cc kValidSchemes / kValidSchemeMasks, in Chromium's order. */
const KNOWN_SCHEMES: ReadonlyArray<readonly [string, number]> = [
  ['http', SCHEME_HTTP],
  ['https', SCHEME_HTTPS],
  ['file', SCHEME_FILE],
  ['ftp', SCHEME_FTP],
  ['chrome', SCHEME_CHROMEUI],
  ['chrome-extension', SCHEME_EXTENSION],
  ['filesystem', SCHEME_FILESYSTEM],
  ['ws', SCHEME_WS],
  ['wss', SCHEME_WSS],
  ['data', SCHEME_DATA],
  ['uuid-in-package', SCHEME_UUID_IN_PACKAGE],
];

/**
 * Schemes GURL parses as "standard" (scheme://host/path): url_util.cc kStandardURLSchemes plus those
 * Chrome's content client registers. The WHATWG "special" ones are the first six.
 */
const WHATWG_SPECIAL = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);
const STANDARD_SCHEMES = new Set([
  ...WHATWG_SPECIAL,
  'filesystem',
  'chrome',
  'chrome-untrusted',
  'chrome-extension',
  'devtools',
  'isolated-app',
]);

/** url_pattern.cc IsStandardScheme: "*" counts as standard; url::IsStandard compares case-insensitively. */
function isStandardScheme(scheme: string): boolean {
  return scheme === '*' || STANDARD_SCHEMES.has(scheme.toLowerCase());
}

/** url_canon_stdurl.cc DefaultPortForScheme: case-sensitive, and "*" has none. */
function defaultPortForScheme(scheme: string): number | undefined {
  switch (scheme) {
    case 'http':
    case 'ws':
      return 80;
    case 'https':
    case 'wss':
      return 443;
    case 'ftp':
      return 21;
    default:
      return undefined;
  }
}

/** url::PORT_UNSPECIFIED, which EffectiveIntPort gives a URL whose scheme has no default port. */
const PORT_UNSPECIFIED = -1;

function isValidSchemeFor(scheme: string, validSchemes: number): boolean {
  if (validSchemes === SCHEME_ALL) return true;
  return KNOWN_SCHEMES.some(([name, mask]) => name === scheme && (validSchemes & mask) !== 0);
}

/** IsValidPortForScheme: "*" always; a number only if the scheme has a default port; base::StringToInt rules. */
function isValidPortForScheme(scheme: string, port: string): boolean {
  if (port === '*') return true;
  if (defaultPortForScheme(scheme) === undefined) return false;
  if (!/^[+-]?\d+$/.test(port)) return false;
  const value = Number(port);
  return value >= 0 && value < 65536;
}

/**
 * net::CanonicalizeHost through WHATWG host parsing: lowercase, IDNA to punycode, IPv4/IPv6 in
 * canonical form. Characters that would end the host inside a URL make it invalid, as they do for
 * Chromium's host canonicalizer, rather than silently cutting the host short.
 */
function canonicalizeHost(host: string): string | undefined {
  if (/[@?#/\\\t\n\r]/.test(host)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}/`);
  } catch {
    return undefined;
  }
  const clean = parsed.username === '' && parsed.port === '' && parsed.pathname === '/' && parsed.search === '';
  return clean && parsed.hostname !== '' ? parsed.hostname : undefined;
}

/** CanonicalizeHostForMatching: one trailing dot does not make a different host. */
function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function hostIsIpAddress(canonicalHost: string): boolean {
  return canonicalHost.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(canonicalHost);
}

/**
 * base::MatchPattern: `*` is any run of characters, `?` is zero or one character (not exactly one),
 * and `\` escapes the next character. Ported step by step because its search is greedy per literal
 * segment, not a backtracking glob, and exactness includes its quirks.
 */
export function matchGlob(text: string, pattern: string): boolean {
  const s = Array.from(text);
  const p = Array.from(pattern);
  let si = 0;
  let pi = 0;
  do {
    // EatWildcards: a run of wildcards allows unlimited distance if it has a `*`, else one per `?`.
    let questionMarks = 0;
    let asterisk = false;
    while (pi < p.length) {
      if (p[pi] === '?') questionMarks++;
      else if (p[pi] === '*') asterisk = true;
      else break;
      pi++;
    }
    let maximumDistance = asterisk ? -1 : questionMarks;

    // SearchForChars: find the literal run up to the next wildcard, at most maximumDistance ahead.
    const patternStart = pi;
    let stringStart = si;
    let escape = false;
    for (;;) {
      if (pi === p.length) {
        if (si === s.length) break;
      } else {
        const c = p[pi];
        if (!escape && (c === '*' || c === '?')) break;
        if (!escape && c === '\\') {
          escape = true;
          pi++;
          continue;
        }
        escape = false;
        if (si === s.length) return false;
        if (c === s[si]) {
          pi++;
          si++;
          continue;
        }
      }
      if (maximumDistance === 0) return false;
      maximumDistance--;
      pi = patternStart;
      stringStart++;
      si = stringStart;
    }
  } while (pi < p.length);
  return true;
}

/** What URLPattern::MatchesURL reads from a GURL. */
interface TestUrl {
  readonly scheme: string;
  readonly host: string;
  readonly effectivePort: number;
  /** GURL::has_path of the outer URL. */
  readonly hasPath: boolean;
  /** GURL::PathForRequest: path, then "?" and the query when the URL has one (even an empty one). */
  readonly pathForRequest: string;
}

function splitQuery(hrefWithoutScheme: string): { beforeQuery: string; query: string } {
  const noFragment = hrefWithoutScheme.split('#', 1)[0] ?? '';
  const q = noFragment.indexOf('?');
  return q < 0 ? { beforeQuery: noFragment, query: '' } : { beforeQuery: noFragment.slice(0, q), query: noFragment.slice(q) };
}

function toTestUrl(input: string | URL, allowInner = true): TestUrl | undefined {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1);
  const rest = url.href.slice(url.protocol.length);

  // GURL gives filesystem: URLs an inner URL, and MatchesURL tests that inner URL's origin with the
  // whole path (inner path + outer path, which together are the inner URL's path).
  if (scheme === 'filesystem') {
    if (!allowInner) return undefined;
    const inner = toTestUrl(rest.split('#', 1)[0] ?? '', false);
    if (!inner || !STANDARD_SCHEMES.has(inner.scheme)) return undefined;
    return inner;
  }

  if (WHATWG_SPECIAL.has(scheme)) {
    const { query } = splitQuery(rest);
    const port = url.port === '' ? (defaultPortForScheme(scheme) ?? PORT_UNSPECIFIED) : Number(url.port);
    return { scheme, host: url.hostname, effectivePort: port, hasPath: true, pathForRequest: url.pathname + query };
  }

  if (STANDARD_SCHEMES.has(scheme)) {
    // Standard in Chromium but opaque-host in WHATWG: reparse with http's rules for the canonical host and "/" path.
    let asHttp: URL;
    try {
      asHttp = new URL(`http:${rest}`);
    } catch {
      return undefined;
    }
    const { query } = splitQuery(rest);
    const port = url.port === '' ? PORT_UNSPECIFIED : Number(url.port);
    return { scheme, host: asHttp.hostname, effectivePort: port, hasPath: true, pathForRequest: asHttp.pathname + query };
  }

  // Non-standard (about:, data:, javascript:, blob:, …): GURL keeps everything after the colon as the path.
  const { beforeQuery, query } = splitQuery(rest);
  return { scheme, host: '', effectivePort: PORT_UNSPECIFIED, hasPath: beforeQuery !== '', pathForRequest: beforeQuery + query };
}

/** A pattern Chrome's URLPattern::Parse rejects; the message is Chromium's parse-result text. */
export class MatchPatternError extends Error {
  override readonly name = 'MatchPatternError';

  constructor(
    readonly pattern: string,
    message: string,
  ) {
    super(message);
  }
}

interface PatternFields {
  readonly validSchemes: number;
  readonly matchAllUrls: boolean;
  readonly scheme: string;
  readonly host: string;
  readonly matchSubdomains: boolean;
  readonly port: string;
  readonly path: string;
}

/** URLPattern::Parse, step for step; returns the parse-result message on failure. */
function parseFields(pattern: string, initialValidSchemes: number): PatternFields | string {
  let validSchemes = initialValidSchemes;
  if (pattern === MatchPattern.ALL_URLS) {
    return { validSchemes, matchAllUrls: true, scheme: '*', host: '', matchSubdomains: true, port: '*', path: '/*' };
  }

  let schemeEnd = pattern.indexOf('://');
  const hasStandardSeparator = schemeEnd >= 0;
  if (!hasStandardSeparator) schemeEnd = pattern.indexOf(':');
  if (schemeEnd < 0) return PARSE_ERROR_MISSING_SCHEME_SEPARATOR;

  const scheme = pattern.slice(0, schemeEnd);
  // SetScheme: "*" narrows the pattern's schemes to http and https, whatever the consumer allowed.
  if (scheme === '*') validSchemes &= SCHEME_HTTP | SCHEME_HTTPS;
  else if (!isValidSchemeFor(scheme, validSchemes)) return PARSE_ERROR_INVALID_SCHEME;

  const standard = isStandardScheme(scheme);
  if (standard !== hasStandardSeparator) return PARSE_ERROR_WRONG_SCHEME_TYPE;

  const hostStart = schemeEnd + (standard ? 3 : 1);
  if (hostStart >= pattern.length) return PARSE_ERROR_EMPTY_HOST;

  let host = '';
  let matchSubdomains = false;
  let port = '*';
  let pathStart: number;

  if (!standard) {
    pathStart = hostStart;
  } else if (scheme === 'file') {
    // The host of a file pattern is ignored; file://* reads as file:///*.
    const hostEnd = pattern.indexOf('/', hostStart);
    pathStart = hostEnd < 0 ? hostStart - 1 : hostEnd;
  } else {
    const hostEnd = pattern.indexOf('/', hostStart);
    if (hostEnd === hostStart) return PARSE_ERROR_EMPTY_HOST;
    if (hostEnd < 0) return PARSE_ERROR_EMPTY_PATH;

    const hostAndPort = pattern.slice(hostStart, hostEnd);
    let portSeparator = -1;
    if (hostAndPort[0] !== '[') {
      portSeparator = hostAndPort.indexOf(':');
    } else {
      const ipv6End = hostAndPort.indexOf(']');
      if (ipv6End < 0) return PARSE_ERROR_INVALID_HOST;
      if (ipv6End === 1) return PARSE_ERROR_EMPTY_HOST;
      if (ipv6End < hostAndPort.length - 1) {
        if (hostAndPort[ipv6End + 1] !== ':') return PARSE_ERROR_INVALID_HOST;
        portSeparator = ipv6End + 1;
      }
    }

    if (portSeparator >= 0) {
      const candidate = hostAndPort.slice(portSeparator + 1);
      if (!isValidPortForScheme(scheme, candidate)) return PARSE_ERROR_INVALID_PORT;
      port = candidate;
    }

    let hostPiece = portSeparator >= 0 ? hostAndPort.slice(0, portSeparator) : hostAndPort;
    if (hostPiece === '') return PARSE_ERROR_EMPTY_HOST;
    if (hostPiece === '*') {
      matchSubdomains = true;
      hostPiece = '';
    } else if (hostPiece.startsWith('*.')) {
      if (hostPiece.length === 2) return PARSE_ERROR_EMPTY_HOST;
      matchSubdomains = true;
      hostPiece = hostPiece.slice(2);
    }
    host = hostPiece;
    pathStart = hostEnd;
  }

  const path = pattern.slice(pathStart);

  // Chromium refuses any other "*" in the host so nobody mistakes it for a glob (google.*).
  if (host.includes('*')) return PARSE_ERROR_INVALID_HOST_WILDCARD;
  if (host !== '') {
    const canonical = canonicalizeHost(host);
    if (canonical === undefined) return PARSE_ERROR_INVALID_HOST;
    host = canonical;
  }
  if (host.includes('\0')) return PARSE_ERROR_INVALID_HOST;

  return { validSchemes, matchAllUrls: false, scheme, host, matchSubdomains, port, path };
}

/** One parsed match pattern (Chromium's URLPattern), immutable. */
export class MatchPattern implements PatternFields {
  static readonly ALL_URLS = '<all_urls>';

  readonly validSchemes: number;
  readonly matchAllUrls: boolean;
  /** "*" (http or https) or one scheme, exactly as written. */
  readonly scheme: string;
  /** Canonical host without the "*." prefix; "" for "*", for file: and for non-standard schemes. */
  readonly host: string;
  readonly matchSubdomains: boolean;
  /** "*" or the port exactly as written ("080" never matches: ports compare as strings, as in Chromium). */
  readonly port: string;
  /** The path glob, starting with "/" for standard schemes. */
  readonly path: string;
  /** The path as handed to the glob matcher: only `*` is a wildcard, so `?` and `\` are escaped. */
  readonly #pathEscaped: string;

  private constructor(fields: PatternFields) {
    this.validSchemes = fields.validSchemes;
    this.matchAllUrls = fields.matchAllUrls;
    this.scheme = fields.scheme;
    this.host = fields.host;
    this.matchSubdomains = fields.matchSubdomains;
    this.port = fields.port;
    this.path = fields.path;
    this.#pathEscaped = fields.path.replaceAll('\\', '\\\\').replaceAll('?', '\\?');
  }

  /** Parses `text` for a consumer that accepts `validSchemes`; throws MatchPatternError like Chrome refuses it. */
  static parse(text: string, validSchemes: number): MatchPattern {
    const result = parseFields(text, validSchemes);
    if (typeof result === 'string') throw new MatchPatternError(text, result);
    return new MatchPattern(result);
  }

  /** Like parse, but returns the parse-result message instead of throwing. */
  static tryParse(text: string, validSchemes: number): MatchPattern | MatchPatternError {
    const result = parseFields(text, validSchemes);
    return typeof result === 'string' ? new MatchPatternError(text, result) : new MatchPattern(result);
  }

  /** URLPattern::SetValidSchemes: the same pattern for a narrower (or wider) set of schemes. */
  withValidSchemes(validSchemes: number): MatchPattern {
    return new MatchPattern({ ...this, validSchemes });
  }

  /** URLPattern::MatchesURL. Invalid URLs never match. */
  matches(url: string | URL): boolean {
    const test = toTestUrl(url);
    if (!test) return false;
    if (!this.matchesScheme(test.scheme)) return false;
    if (this.matchAllUrls) return true;
    if (!test.hasPath) return false;
    if (this.scheme !== 'file' && !this.#matchesCanonicalHost(test.host)) return false;
    if (this.port !== '*' && this.port !== String(test.effectivePort)) return false;
    return this.matchesPath(test.pathForRequest);
  }

  /** URLPattern::MatchesScheme: the scheme must be valid for this pattern, then equal (or the pattern's is "*"). */
  matchesScheme(scheme: string): boolean {
    if (!isValidSchemeFor(scheme, this.validSchemes)) return false;
    return this.scheme === '*' || scheme === this.scheme;
  }

  /** URLPattern::MatchesHost(string): canonicalizes `host` as an http URL's host first. */
  matchesHost(host: string): boolean {
    const canonical = canonicalizeHost(host);
    return canonical !== undefined && this.#matchesCanonicalHost(canonical);
  }

  /** URLPattern::MatchesPath, including its one special case: "/foo/*" also matches "/foo". */
  matchesPath(path: string): boolean {
    const escaped = this.#pathEscaped;
    if (escaped.length === path.length + 2 && escaped.startsWith(path) && escaped.endsWith('/*')) return true;
    return matchGlob(path, escaped);
  }

  /** URLPattern::GetAsString: the canonical text (lowercased host, port only when not "*"). */
  toString(): string {
    if (this.matchAllUrls) return MatchPattern.ALL_URLS;
    const standard = isStandardScheme(this.scheme);
    let spec = this.scheme + (standard ? '://' : ':');
    if (this.scheme !== 'file' && standard) {
      if (this.matchSubdomains) spec += this.host === '' ? '*' : '*.';
      spec += this.host;
      if (this.port !== '*') spec += `:${this.port}`;
    }
    return spec + this.path;
  }

  #matchesCanonicalHost(testHost: string): boolean {
    const test = withoutTrailingDot(testHost);
    const own = withoutTrailingDot(this.host);
    if (test === own) return true;
    if (this.matchSubdomains && own === '') return true;
    if (!this.matchSubdomains) return false;
    // Subdomain matching never applies to IP addresses.
    if (hostIsIpAddress(testHost)) return false;
    if (test.length <= own.length + 1) return false;
    return test.endsWith(own) && test[test.length - own.length - 1] === '.';
  }
}

/** URLPatternSet: a set of patterns (kept sorted and unique by their text, like Chromium's std::set). */
export class MatchPatternSet implements Iterable<MatchPattern> {
  readonly patterns: readonly MatchPattern[];

  constructor(patterns: Iterable<MatchPattern> = []) {
    const byText = new Map<string, MatchPattern>();
    for (const pattern of patterns) if (!byText.has(pattern.toString())) byText.set(pattern.toString(), pattern);
    this.patterns = [...byText.keys()].sort().map((text) => byText.get(text)!);
  }

  /** Parses every text with the same scheme mask; throws MatchPatternError at the first invalid one. */
  static parse(texts: Iterable<string>, validSchemes: number): MatchPatternSet {
    return new MatchPatternSet(Array.from(texts, (text) => MatchPattern.parse(text, validSchemes)));
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  get size(): number {
    return this.patterns.length;
  }

  matchesUrl(url: string | URL): boolean {
    return this.patterns.some((pattern) => pattern.matches(url));
  }

  [Symbol.iterator](): Iterator<MatchPattern> {
    return this.patterns[Symbol.iterator]();
  }
}
