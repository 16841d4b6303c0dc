/**
 * Random match patterns (random text, and near-valid patterns built of parts Chrome's parser looks
 * at) through the parser, for every consumer's schemes, and matched against random URLs: parsing
 * gives a pattern or one of Chrome's parse-result texts, matching never throws, and a few of
 * Chrome's rules hold of any pattern and URL.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as errors from '../../src/core/errors.ts';
import {
  CONTENT_SCRIPT_SCHEMES,
  MatchPattern,
  MatchPatternError,
  MatchPatternSet,
  SCHEME_ALL,
  SCHEME_EXTENSION,
  SCHEME_HTTP,
  SCHEME_HTTPS,
  matchGlob,
} from '../../src/core/manifest/match-pattern.ts';
import { countCase, watchingHost } from './watch.ts';

const PARSE_ERRORS = new Set([
  errors.PARSE_ERROR_MISSING_SCHEME_SEPARATOR,
  errors.PARSE_ERROR_INVALID_SCHEME,
  errors.PARSE_ERROR_WRONG_SCHEME_TYPE,
  errors.PARSE_ERROR_EMPTY_HOST,
  errors.PARSE_ERROR_INVALID_HOST_WILDCARD,
  errors.PARSE_ERROR_EMPTY_PATH,
  errors.PARSE_ERROR_INVALID_PORT,
  errors.PARSE_ERROR_INVALID_HOST,
]);

/** The scheme masks of the consumers: externally_connectable, content scripts, host permissions, a random one. */
const masks = fc.oneof(
  fc.constantFrom(SCHEME_ALL, CONTENT_SCRIPT_SCHEMES, SCHEME_HTTP | SCHEME_HTTPS, SCHEME_EXTENSION),
  fc.integer({ min: 0, max: (1 << 11) - 1 }),
);

const domain = fc.oneof(
  { arbitrary: fc.domain(), weight: 4 },
  {
    arbitrary: fc.constantFrom('localhost', 'EXAMPLE.com', 'bücher.de', 'xn--bcher-kva.de', 'a.b.', 'a..b', '.a', 'münchen.例え.jp', 'x_y.test', '%41.test', 'a b.test', '1.2.3.4', '0x7f.1', '999.1.1.1', '[::1]', '[2001:DB8::1]', '[::ffff:1.2.3.4]', '[]', '[::1', 'co.uk'),
    weight: 1,
  },
);

/** Characters Chrome's parser and the path glob treat specially, and some that URLs escape. */
const patternChar = fc.oneof(
  fc.constantFrom('*', ':', '/', '.', '[', ']', '@', '%', '?', '#', '\\', '<', '>', ' ', '\0', '\t', 'é', '\ud800', '_', '-'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
);
const chunk = fc.array(patternChar, { maxLength: 12 }).map((chars) => chars.join(''));

/** Patterns built of the parts URLPattern::Parse reads, each valid or not. */
export const nearValidPattern = fc.oneof(
  { arbitrary: fc.constantFrom('<all_urls>', '<all_urls> ', '<ALL_URLS>', '*', '*://*/*', 'file:///*', 'http://*/', 'urn:*', 'data:*'), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        fc.oneof(
          fc.constantFrom('http', 'https', '*', 'file', 'ftp', 'ws', 'wss', 'chrome', 'chrome-extension', 'data', 'filesystem', 'uuid-in-package', 'about', 'urn', 'HTTP', 'Https', '', 'ht*p'),
          fc.stringMatching(/^[a-z][a-z0-9+.-]{0,8}$/),
        ),
        fc.constantFrom('://', '://', '://', ':', ':/', ':///', ''),
        fc.oneof(domain, domain.map((host) => `*.${host}`), fc.constantFrom('*', '', '*.', '**', 'a*b', 'user@host'), chunk),
        fc.oneof(
          fc.constant(''),
          fc.oneof(fc.nat({ max: 70_000 }).map(String), fc.constantFrom('*', '', '080', '+1', '-1', '1.5', ' 80', '65535', '65536'), chunk).map((port) => `:${port}`),
        ),
        fc.oneof(fc.constantFrom('', '/', '/*', '/*/*', '/a?b', '/\\*', '/%2A', '/é', '/#x', '/*?*'), chunk.map((path) => `/${path}`), chunk),
      )
      .map((parts) => parts.join('')),
    weight: 8,
  },
);

const randomText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), chunk);

/** URLs of every kind a pattern meets: web, file, extension, WebUI, opaque, filesystem, broken. */
const url = fc.oneof(
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https', 'ws', 'wss', 'ftp'] }), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('http', 'https', 'HTTPS', 'ws', 'ftp', 'chrome', 'chrome-extension', 'filesystem:http', 'uuid-in-package'), domain, fc.constantFrom('', ':80', ':443', ':8080', ':0', ':65535'), chunk)
      .map(([scheme, host, port, path]) => `${scheme}://${host}${port}/${path}`),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(
      'file:///etc/passwd',
      'file://host/share/x',
      'about:blank',
      'about:srcdoc',
      'data:text/html,<b>x</b>',
      'javascript:alert(1)',
      'blob:https://a.test/uuid',
      'filesystem:https://a.test/temporary/x?q#f',
      'filesystem:file:///x',
      'urn:isbn:1',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html',
      'chrome://newtab/',
      'http://[::1]:8080/?',
      'http://1.2.3.4/',
      'https://xn--bcher-kva.de/',
      'not a url',
      '',
    ),
    weight: 1,
  },
  { arbitrary: randomText, weight: 1 },
);

/** Parsing gives a pattern or a MatchPatternError with Chrome's text; parse() throws that error. */
function parseChecked(text: string, mask: number): MatchPattern | undefined {
  const result = MatchPattern.tryParse(text, mask);
  if (result instanceof MatchPattern) {
    assert.ok(MatchPattern.parse(text, mask) instanceof MatchPattern, 'parse agrees with tryParse');
    return result;
  }
  assert.ok(result instanceof MatchPatternError, `tryParse gave ${String(result)}`);
  assert.ok(PARSE_ERRORS.has(result.message), `an unknown parse error: ${result.message}`);
  assert.equal(result.pattern, text);
  assert.throws(
    () => MatchPattern.parse(text, mask),
    (error: unknown) => error instanceof MatchPatternError && error.message === result.message,
    'parse throws the same MatchPatternError',
  );
  return undefined;
}

/** A parsed pattern answers every question with a boolean, and its canonical text parses to itself. */
function assertTotal(pattern: MatchPattern, mask: number, urls: readonly string[], probes: readonly string[]): void {
  for (const candidate of urls) {
    assert.equal(typeof pattern.matches(candidate), 'boolean');
    assert.equal(new MatchPatternSet([pattern]).matchesUrl(candidate), pattern.matches(candidate), 'a set of one pattern matches as the pattern');
  }
  for (const probe of probes) {
    assert.equal(typeof pattern.matchesHost(probe), 'boolean');
    assert.equal(typeof pattern.matchesPath(probe), 'boolean');
    assert.equal(typeof pattern.matchesScheme(probe), 'boolean');
  }
  const text = pattern.toString();
  const again = MatchPattern.tryParse(text, mask);
  assert.ok(again instanceof MatchPattern, `the canonical text ${JSON.stringify(text)} does not parse: ${String(again)}`);
  assert.equal(again.toString(), text, 'the canonical text is canonical');
  for (const candidate of urls) assert.equal(again.matches(candidate), pattern.matches(candidate), `the canonical pattern ${text} matches ${candidate} alike`);
}

/** A URL Chrome would load, from parts, and its canonical form (WHATWG URL; GURL agrees for these schemes). */
const concreteUrl = fc
  .tuple(
    fc.constantFrom('http', 'https', 'ws', 'wss', 'ftp'),
    fc.oneof({ arbitrary: fc.domain(), weight: 6 }, { arbitrary: fc.constantFrom('1.2.3.4', '[::1]', '[2001:db8::7]', 'bücher.de', 'EXAMPLE.org'), weight: 1 }),
    fc.option(fc.integer({ min: 1, max: 65535 })),
    fc.webPath(),
    fc.option(fc.webQueryParameters()),
    fc.option(fc.webFragments()),
  )
  .map(([scheme, host, port, path, query, fragment]) => {
    const text = `${scheme}://${host}${port === null ? '' : `:${port}`}${path}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`;
    return { text, url: new URL(text), isIp: /^[\d.]+$|^\[/.test(host) };
  });

export interface MatchPatternFuzzOptions {
  readonly seed?: number;
}

/**
 * `runs` match patterns: random and near-valid text through the parser for random consumers and
 * matched against random URLs (three quarters), and patterns written from concrete URLs (the rest).
 */
export async function fuzzMatchPatterns(runs: number, options: MatchPatternFuzzOptions = {}): Promise<void> {
  const seed = options.seed !== undefined ? { seed: options.seed } : {};
  const concrete = Math.max(1, Math.floor(runs / 4));
  await watchingHost(async () => {
    fc.assert(
      fc.property(
        fc.oneof(nearValidPattern, randomText),
        masks,
        fc.array(url, { minLength: 1, maxLength: 6 }),
        fc.array(chunk, { maxLength: 3 }),
        (text, mask, urls, probes) => {
          const pattern = parseChecked(text, mask);
          if (pattern) assertTotal(pattern, mask, urls, probes);
          countCase('match patterns');
        },
      ),
      { numRuns: Math.max(1, runs - concrete), ...seed },
    );

    fc.assert(
      fc.property(concreteUrl, fc.constantFrom('sub', 'a.b', 'xn--bcher-kva'), ({ text, url: parsed, isIp }, label) => {
        const scheme = parsed.protocol.slice(0, -1);
        // The canonical URL without its fragment (an empty query's "?" stays: GURL's path has it).
        const written = parsed.href.split('#', 1)[0]!;
        // A pattern written from a URL matches it (URLPattern::MatchesURL).
        const exact = MatchPattern.parse(written, SCHEME_ALL);
        assert.ok(exact.matches(text), `${written} matches ${text}`);
        // "<all_urls>" matches every URL of a scheme the consumer allows; "*://*/*" every http(s) URL.
        assert.ok(MatchPattern.parse('<all_urls>', SCHEME_ALL).matches(text), `<all_urls> matches ${text}`);
        const web = scheme === 'http' || scheme === 'https';
        assert.equal(MatchPattern.parse('<all_urls>', CONTENT_SCRIPT_SCHEMES).matches(text), web || scheme === 'ftp', `<all_urls> for content scripts and ${text}`);
        assert.equal(MatchPattern.parse('*://*/*', SCHEME_ALL).matches(text), web, `*://*/* and ${text}`);
        assert.ok(MatchPattern.parse(`${scheme}://*/*`, SCHEME_ALL).matches(text), `${scheme}://*/* matches ${text}`);
        // "*." matches the host and its subdomains, never for an IP address.
        if (!isIp) {
          const subdomains = MatchPattern.parse(`${scheme}://*.${parsed.hostname}/*`, SCHEME_ALL);
          assert.ok(subdomains.matches(text), `*.${parsed.hostname} matches ${text}`);
          const sub = new URL(parsed.href);
          sub.hostname = `${label}.${parsed.hostname}`;
          assert.ok(subdomains.matches(sub.href), `*.${parsed.hostname} matches ${sub.href}`);
        }
        // Another path does not match the exact pattern unless its glob says so.
        const other = new URL(parsed.href);
        other.pathname = `${parsed.pathname}-other`;
        if (!exact.path.includes('*')) assert.ok(!exact.matches(other.href), `${written} does not match ${other.href}`);
        countCase('match patterns');
      }),
      { numRuns: concrete, ...seed },
    );

    // base::MatchPattern: a text always matches "*" and itself when it has no wildcard or escape.
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), chunk, (text, glob) => {
        assert.ok(matchGlob(text, '*'));
        assert.equal(typeof matchGlob(text, glob), 'boolean');
        if (!/[*?\\]/.test(text)) assert.ok(matchGlob(text, text), `${JSON.stringify(text)} matches itself`);
      }),
      { numRuns: Math.max(1, Math.floor(runs / 10)), ...seed },
    );
  });
}
