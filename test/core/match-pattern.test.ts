/**
 * Match patterns. Most cases are ported from Chromium's extensions/common/url_pattern_unittest.cc
 * (test names in comments), run against the same scheme masks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  PARSE_ERROR_EMPTY_HOST,
  PARSE_ERROR_EMPTY_PATH,
  PARSE_ERROR_INVALID_HOST,
  PARSE_ERROR_INVALID_HOST_WILDCARD,
  PARSE_ERROR_INVALID_PORT,
  PARSE_ERROR_INVALID_SCHEME,
  PARSE_ERROR_MISSING_SCHEME_SEPARATOR,
  PARSE_ERROR_WRONG_SCHEME_TYPE,
} from '../../src/core/errors.ts';
import {
  CONTENT_SCRIPT_SCHEMES,
  MatchPattern,
  MatchPatternError,
  MatchPatternSet,
  SCHEME_ALL,
  SCHEME_DATA,
  SCHEME_EXTENSION,
  SCHEME_FILE,
  SCHEME_FILESYSTEM,
  SCHEME_FTP,
  SCHEME_HTTP,
  SCHEME_HTTPS,
  SCHEME_CHROMEUI,
  SCHEME_UUID_IN_PACKAGE,
  SCHEME_WS,
  SCHEME_WSS,
  matchGlob,
} from '../../src/core/manifest/match-pattern.ts';

// url_pattern_unittest.cc kAllSchemes: every known scheme, but not SCHEME_ALL.
const ALL_KNOWN =
  SCHEME_HTTP | SCHEME_HTTPS | SCHEME_FILE | SCHEME_FTP | SCHEME_CHROMEUI | SCHEME_EXTENSION |
  SCHEME_FILESYSTEM | SCHEME_WS | SCHEME_WSS | SCHEME_DATA | SCHEME_UUID_IN_PACKAGE;

function parseError(text: string, schemes = SCHEME_ALL): string | undefined {
  const result = MatchPattern.tryParse(text, schemes);
  return result instanceof MatchPatternError ? result.message : undefined;
}

const p = (text: string, schemes = ALL_KNOWN): MatchPattern => MatchPattern.parse(text, schemes);

describe('match pattern parsing', () => {
  // ParseInvalid
  it('a malformed pattern is refused with Chromium\'s parse-result text', () => {
    const cases: Array<[string, string]> = [
      ['http', PARSE_ERROR_MISSING_SCHEME_SEPARATOR],
      ['http:', PARSE_ERROR_WRONG_SCHEME_TYPE],
      ['http:/', PARSE_ERROR_WRONG_SCHEME_TYPE],
      ['about://', PARSE_ERROR_WRONG_SCHEME_TYPE],
      ['http://', PARSE_ERROR_EMPTY_HOST],
      ['http:///', PARSE_ERROR_EMPTY_HOST],
      ['http://:1234/', PARSE_ERROR_EMPTY_HOST],
      ['http://*./', PARSE_ERROR_EMPTY_HOST],
      ['http://*foo/bar', PARSE_ERROR_INVALID_HOST_WILDCARD],
      ['http://foo.*.bar/baz', PARSE_ERROR_INVALID_HOST_WILDCARD],
      ['http://fo.*.ba:123/baz', PARSE_ERROR_INVALID_HOST_WILDCARD],
      ['http:/bar', PARSE_ERROR_WRONG_SCHEME_TYPE],
      ['http://bar', PARSE_ERROR_EMPTY_PATH],
      ['http://foo.*/bar', PARSE_ERROR_INVALID_HOST_WILDCARD],
      ['http://\0www/', PARSE_ERROR_INVALID_HOST],
    ];
    for (const [text, expected] of cases) assert.equal(parseError(text), expected, text);
  });

  it('parse throws a MatchPatternError carrying the pattern', () => {
    assert.throws(
      () => MatchPattern.parse('http://bar', SCHEME_ALL),
      (error: unknown) => error instanceof MatchPatternError && error.pattern === 'http://bar' && error.message === PARSE_ERROR_EMPTY_PATH,
    );
  });

  it('a scheme outside the consumer\'s mask is an invalid scheme', () => {
    assert.equal(parseError('chrome-extension://abc/*', CONTENT_SCRIPT_SCHEMES), PARSE_ERROR_INVALID_SCHEME);
    assert.equal(parseError('chrome://newtab/*', CONTENT_SCRIPT_SCHEMES), PARSE_ERROR_INVALID_SCHEME);
    assert.equal(parseError('foo://bar/*', ALL_KNOWN), PARSE_ERROR_INVALID_SCHEME);
    assert.equal(parseError('https://example.com/*', SCHEME_EXTENSION), PARSE_ERROR_INVALID_SCHEME);
  });

  // Ports
  it('a port is a number 0–65535 for schemes with a default port, or "*"', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['http://foo:1234/', undefined, '1234'],
      ['http://foo:1234/bar', undefined, '1234'],
      ['http://*.foo:1234/', undefined, '1234'],
      ['http://*.foo:1234/bar', undefined, '1234'],
      ['http://foo:/', PARSE_ERROR_INVALID_PORT, ''],
      ['http://*:1234/', undefined, '1234'],
      ['http://*:*/', undefined, '*'],
      ['http://foo:*/', undefined, '*'],
      ['http://*.foo:/', PARSE_ERROR_INVALID_PORT, ''],
      ['http://foo:com/', PARSE_ERROR_INVALID_PORT, ''],
      ['http://foo:123456/', PARSE_ERROR_INVALID_PORT, ''],
      ['http://foo:80:80/monkey', PARSE_ERROR_INVALID_PORT, ''],
      ['file://foo:1234/bar', undefined, '*'],
      ['chrome://foo:1234/bar', PARSE_ERROR_INVALID_PORT, ''],
      ['http://*/:1234', undefined, '*'],
      ['http://*.foo/bar:1234', undefined, '*'],
      ['http://foo/bar:1234/path', undefined, '*'],
    ];
    for (const [text, error, port] of cases) {
      assert.equal(parseError(text), error, text);
      if (!error) assert.equal(p(text, SCHEME_ALL).port, port, text);
    }
  });

  it('the "*" scheme has no default port, so it takes no numeric port (url_canon DefaultPortForScheme)', () => {
    assert.equal(parseError('*://localhost:8080/*'), PARSE_ERROR_INVALID_PORT);
    assert.equal(parseError('*://localhost:*/*'), undefined);
  });

  // IPv6Patterns
  it('an IPv6 host is bracketed, canonicalized, and may carry a port', () => {
    const ok: Array<[string, string, string]> = [
      ['http://[2607:f8b0:4005:805::200e]/', '[2607:f8b0:4005:805::200e]', '*'],
      ['http://[2607:f8b0:4005:805::200e]/*', '[2607:f8b0:4005:805::200e]', '*'],
      ['http://[2607:f8b0:4005:805::200e]:8888/*', '[2607:f8b0:4005:805::200e]', '8888'],
    ];
    for (const [text, host, port] of ok) {
      const pattern = p(text, SCHEME_HTTP);
      assert.equal(pattern.host, host);
      assert.equal(pattern.port, port);
    }
    const bad: Array<[string, string]> = [
      ['http://[2607:f8b0:4005:805::200e]:/*', PARSE_ERROR_INVALID_PORT],
      ['http://[]:8888/*', PARSE_ERROR_EMPTY_HOST],
      ['http://[2607:f8b0:4005:805::200e/*', PARSE_ERROR_INVALID_HOST],
      ['http://[2607:f8b0:4005:805::200e]]/*', PARSE_ERROR_INVALID_HOST],
      ['http://[[2607:f8b0:4005:805::200e]/*', PARSE_ERROR_INVALID_HOST],
      ['http://[2607:f8b0:4005:805:200e]/*', PARSE_ERROR_INVALID_HOST],
      ['http://[2607:f8b0:4005:805:200e:12:bogus]/*', PARSE_ERROR_INVALID_HOST],
      ['http://[[2607:f8b0:4005:805::200e]:abc/*', PARSE_ERROR_INVALID_PORT],
    ];
    for (const [text, error] of bad) assert.equal(parseError(text, SCHEME_HTTP), error, text);
    assert.equal(p('http://[0:0::1]/*', SCHEME_HTTP).host, '[::1]');
  });

  // PercentEncodedAscii, PercentEncodedNonAscii
  it('the path is kept exactly as written, percent escapes and all', () => {
    assert.equal(p('http://*/%40*').path, '/%40*');
    assert.equal(p('http://*/@*').path, '/@*');
    assert.equal(p('http://*/%F0%9F%90%B1*').path, '/%F0%9F%90%B1*');
    assert.equal(p('http://*/🐱*').path, '/🐱*');
  });

  // UncanonicalizedUrl
  it('the host is canonicalized: lowercased, IDN to punycode, unusable hosts refused', () => {
    const lower = p('*://*.gOoGle.com/*', SCHEME_ALL);
    assert.equal(lower.toString(), '*://*.google.com/*');
    assert.ok(lower.matches('https://maps.google.com'));
    const idn = p('https://*.ɡoogle.com/*', SCHEME_ALL);
    assert.equal(idn.host, 'xn--oogle-qmc.com');
    assert.equal(idn.toString(), 'https://*.xn--oogle-qmc.com/*');
    assert.ok(!idn.matches('https://google.com'));
    assert.ok(idn.matches('https://xn--oogle-qmc.com/'));
    assert.ok(idn.matchesHost('ɡoogle.com'));
    assert.equal(parseError('https://\uFDD0zyx.com/*'), PARSE_ERROR_INVALID_HOST);
    assert.equal(parseError('https://user@example.com/*'), PARSE_ERROR_INVALID_HOST);
  });

  // GetAsString
  it('toString gives the canonical pattern text, which parses back to itself', () => {
    for (const text of [
      'http://www/', 'http://*/*', 'chrome://*/*', 'chrome://newtab/', 'about:*', 'about:blank',
      'chrome-extension://*/*', 'chrome-extension://ftw/', 'data:*', 'data:monkey', 'javascript:*',
      'javascript:atemyhomework', 'http://www.example.com:8080/foo', '<all_urls>',
    ]) {
      assert.equal(p(text, SCHEME_ALL).toString(), text);
    }
    assert.equal(p('file://localhost/foo*').toString(), 'file:///foo*');
    assert.equal(p('file://*').toString(), 'file:///*');
  });

  it('"*" narrows the pattern to http and https, whatever the consumer allows', () => {
    const pattern = p('*://*/*', SCHEME_ALL);
    assert.equal(pattern.validSchemes, SCHEME_HTTP | SCHEME_HTTPS);
    assert.equal(p('<all_urls>', SCHEME_ALL).validSchemes, SCHEME_ALL);
  });
});

describe('match pattern matching', () => {
  // Match1
  it('"http://*/*" matches every http URL and nothing else', () => {
    const pattern = p('http://*/*');
    assert.equal(pattern.host, '');
    assert.ok(pattern.matchSubdomains);
    assert.ok(pattern.matches('http://google.com'));
    assert.ok(pattern.matches('http://google.com/foo'));
    assert.ok(!pattern.matches('https://google.com'));
    assert.ok(pattern.matches('http://74.125.127.100/search'));
  });

  // Match2
  it('a path glob is matched against the whole path; filesystem: URLs by their inner URL', () => {
    const pattern = p('https://*/foo*');
    assert.ok(pattern.matches('https://www.google.com/foo'));
    assert.ok(pattern.matches('https://www.google.com/foobar'));
    assert.ok(!pattern.matches('http://www.google.com/foo'));
    assert.ok(!pattern.matches('https://www.google.com/'));
    assert.ok(pattern.matches('filesystem:https://www.google.com/foobar/'));
  });

  // Match3
  it('"*." matches the host and its subdomains, and the path glob sees the query', () => {
    const pattern = p('http://*.google.com/foo*bar');
    assert.ok(pattern.matches('http://google.com/foobar'));
    assert.ok(pattern.matches('http://www.google.com/foobar'));
    assert.ok(pattern.matches('http://www.google.com/foo?bar'));
    assert.ok(!pattern.matches('http://wwwgoogle.com/foobar'));
    assert.ok(pattern.matches('http://monkey.images.google.com/foooobar'));
    assert.ok(!pattern.matches('http://yahoo.com/foobar'));
    assert.ok(pattern.matches('filesystem:http://google.com/foo/bar'));
    assert.ok(!pattern.matches('filesystem:http://google.com/temporary/foobar'));
  });

  // Match5
  it('in a pattern path only "*" is a wildcard: "?" is literal and "\\*" still a wildcard after a literal backslash', () => {
    const pattern = p('file:///foo?bar\\*baz');
    assert.equal(pattern.path, '/foo?bar\\*baz');
    assert.ok(pattern.matches('file:///foo?bar\\hellobaz'));
    assert.ok(!pattern.matches('file:///fooXbar\\hellobaz'));
  });

  // Match6, Match7
  it('an IP host matches exactly, and subdomain matching never applies to IP addresses', () => {
    assert.ok(p('http://127.0.0.1/*').matches('http://127.0.0.1'));
    const useless = p('http://*.0.0.1/*');
    assert.equal(useless.host, '0.0.0.1');
    assert.ok(!useless.matches('http://127.0.0.1'));
  });

  // Match8 (the non-UTF-8 byte of the original is given pre-escaped, as GURL would escape it)
  it('an IDN URL matches its punycode pattern', () => {
    const pattern = p('http://*.xn--gkd/a%C2%81%E1*');
    assert.equal(pattern.host, 'xn--gkd');
    assert.ok(pattern.matches('http://abc.\u103f/a\u0081%E1xyz'));
    assert.ok(pattern.matches('http://\u103f/a\u0081%E1%E1'));
  });

  // Match9
  it('a chrome:// pattern matches WebUI URLs of its host', () => {
    const pattern = p('chrome://favicon/*');
    assert.ok(pattern.matches('chrome://favicon/http://google.com'));
    assert.ok(!pattern.matches('chrome://history'));
  });

  // Match10
  it('"*://*/*" matches http and https only, never file: or chrome:', () => {
    const pattern = p('*://*/*');
    assert.ok(pattern.matchesScheme('http') && pattern.matchesScheme('https'));
    for (const scheme of ['chrome', 'file', 'ftp']) assert.ok(!pattern.matchesScheme(scheme), scheme);
    assert.ok(pattern.matches('http://127.0.0.1'));
    assert.ok(!pattern.matches('chrome://favicon/http://google.com'));
    assert.ok(!pattern.matches('file:///foo/bar'));
    assert.ok(!pattern.matches('file://localhost/foo/bar'));
  });

  // Match11, Match12
  it('"<all_urls>" matches every URL whose scheme the consumer allows; with SCHEME_ALL, every scheme', () => {
    const known = p('<all_urls>');
    for (const url of ['chrome://favicon/http://google.com', 'http://127.0.0.1', 'file:///foo/bar', 'file://localhost/foo/bar']) {
      assert.ok(known.matches(url), url);
    }
    assert.ok(!known.matches('about:blank'));
    const all = p('<all_urls>', SCHEME_ALL);
    for (const url of ['chrome://newtab', 'about:blank', 'about:version', 'data:text/html;charset=utf-8,<html>asdf</html>', 'javascript:']) {
      assert.ok(all.matches(url), url);
    }
  });

  // DoesntMatchInvalid, NonwildcardDoesntMatchPathlessUrl
  it('an invalid URL never matches, and only <all_urls> matches a URL without a path', () => {
    assert.ok(!p('<all_urls>').matches('http:'));
    assert.ok(!p('*://*/*', SCHEME_ALL).matches('javascript:'));
  });

  // Match13
  it('with SCHEME_ALL, non-standard schemes match by scheme and path', () => {
    const cases: Array<[string, string]> = [
      ['about:*', 'about:blank'],
      ['about:blank', 'about:blank'],
      ['about:*', 'about:version'],
      ['chrome-extension://*/*', 'chrome-extension://FTW'],
      ['data:*', 'data:monkey'],
      ['javascript:*', 'javascript:atemyhomework'],
    ];
    for (const [pattern, url] of cases) assert.ok(p(pattern, SCHEME_ALL).matches(url), `${pattern} ${url}`);
    assert.ok(!p('data:*', SCHEME_ALL).matches('about:blank'));
  });

  // Match14, Match15, Match16
  it('a file: pattern ignores hosts on both sides', () => {
    for (const text of ['file:///foo*', 'file://foo*', 'file://localhost/foo*']) {
      const pattern = p(text);
      assert.equal(pattern.host, '');
      assert.equal(pattern.path, '/foo*');
      assert.ok(!pattern.matches('file://foo'), text);
      assert.ok(!pattern.matches('file://foobar'), text);
      assert.ok(pattern.matches('file:///foo'), text);
      assert.ok(pattern.matches('file:///foobar'), text);
      assert.ok(pattern.matches('file://localhost/foo'), text);
    }
  });

  // Match17, Match18, IgnorePorts
  it('a numeric port matches the URL\'s effective port; "*" matches any', () => {
    const port80 = p('http://www.example.com:80/foo');
    assert.ok(port80.matches('http://www.example.com:80/foo'));
    assert.ok(port80.matches('http://www.example.com/foo'));
    assert.ok(!port80.matches('http://www.example.com:8080/foo'));
    assert.ok(!port80.matches('filesystem:http://www.example.com:8080/foo/'));
    assert.ok(!port80.matches('filesystem:http://www.example.com/f/foo'));
    const anyPort = p('http://www.example.com:*/foo');
    assert.ok(anyPort.matches('http://www.example.com:8080/foo'));
    assert.ok(!p('http://www.example.com:8080/foo').matches('http://www.example.com:1234/foo'));
  });

  // Match19
  it('a chrome-extension pattern matches its extension\'s URLs, lowercasing the host as GURL does', () => {
    const pattern = p('chrome-extension://ftw/*', SCHEME_EXTENSION);
    assert.ok(pattern.matches('chrome-extension://ftw'));
    assert.ok(pattern.matches('chrome-extension://FTW/x'));
    assert.ok(pattern.matches('chrome-extension://ftw/http://google.com'));
    assert.ok(!pattern.matches('chrome-extension://foobar'));
    assert.ok(pattern.matches('filesystem:chrome-extension://ftw/t/file.txt'));
  });

  // IgnoreMissingBackslashes
  it('"/foo/*" also matches "/foo", but "/foo" does not match "/foo/"', () => {
    assert.ok(p('http://www.example.com/example/*').matches('http://www.example.com/example'));
    assert.ok(!p('http://www.example.com/example').matches('http://www.example.com/example/'));
  });

  // TrailingDotDomain
  it('a trailing dot on either host is ignored', () => {
    for (const text of ['*://example.com/*', '*://example.com./*']) {
      const pattern = p(text, SCHEME_HTTP);
      assert.ok(pattern.matches('http://example.com/'), text);
      assert.ok(pattern.matches('http://example.com./'), text);
    }
  });

  it('a URL\'s query counts even when empty, and its fragment never does', () => {
    assert.ok(p('https://a.com/x?*').matches('https://a.com/x?'));
    assert.ok(!p('https://a.com/x').matches('https://a.com/x?'));
    assert.ok(p('https://a.com/x').matches('https://a.com/x#frag'));
  });

  it('withValidSchemes removes a scheme from what the pattern matches', () => {
    const pattern = p('<all_urls>', CONTENT_SCRIPT_SCHEMES);
    assert.ok(pattern.matches('file:///tmp/a.html'));
    assert.ok(!pattern.withValidSchemes(CONTENT_SCRIPT_SCHEMES & ~SCHEME_FILE).matches('file:///tmp/a.html'));
  });
});

describe('match pattern sets', () => {
  it('a set matches a URL any of its patterns matches, and keeps one copy of each pattern', () => {
    const set = MatchPatternSet.parse(['https://a.com/*', 'https://B.com/*', 'https://b.com/*'], SCHEME_ALL);
    assert.equal(set.size, 2);
    assert.ok(set.matchesUrl('https://b.com/x'));
    assert.ok(!set.matchesUrl('https://c.com/x'));
    assert.ok(new MatchPatternSet().isEmpty);
  });
});

describe('glob matching (base::MatchPattern)', () => {
  it('"*" matches any run of characters and "?" matches zero or one character', () => {
    assert.ok(matchGlob('www.google.com', '*.com'));
    assert.ok(matchGlob('', '*'));
    assert.ok(matchGlob('a', '?a'));
    assert.ok(matchGlob('ab', 'a?'));
    assert.ok(matchGlob('a', 'a?'));
    assert.ok(!matchGlob('abc', 'a?'));
    assert.ok(matchGlob('Hello', 'H?l?o'));
    assert.ok(!matchGlob('Hello', 'h*'));
  });

  it('a backslash escapes the next character', () => {
    assert.ok(matchGlob('a*b', 'a\\*b'));
    assert.ok(!matchGlob('axb', 'a\\*b'));
    assert.ok(matchGlob('a?', 'a\\?'));
    assert.ok(!matchGlob('ab', 'a\\?'));
  });

  it('property: a text matches itself escaped, and any text starting with a literal prefix matches prefix + "*"', () => {
    const escape = (s: string): string => s.replace(/[\\*?]/g, (c) => `\\${c}`);
    fc.assert(fc.property(fc.string(), (s) => matchGlob(s, escape(s))));
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => matchGlob(a + b, `${escape(a)}*`)));
  });
});

describe('match pattern properties', () => {
  it('property: the pattern scheme://host + path?query of a web URL matches that URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (text) => {
        const url = new URL(text);
        // Path and query as GURL's PathForRequest sees them: an empty query ("x?") still has its "?".
        const pathAndQuery = (url.href.split('#', 1)[0] ?? '').slice(url.origin.length);
        const pattern = `${url.protocol}//${url.hostname}${pathAndQuery}`;
        return MatchPattern.parse(pattern, SCHEME_HTTP | SCHEME_HTTPS).matches(url);
      }),
    );
  });

  it('property: "*." + a domain matches that domain and any subdomain of it, but not a look-alike', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
    fc.assert(
      fc.property(label, label, label, (sub, name, tld) => {
        const pattern = MatchPattern.parse(`https://*.${name}.${tld}/*`, SCHEME_HTTPS);
        return (
          pattern.matches(`https://${name}.${tld}/`) &&
          pattern.matches(`https://${sub}.${name}.${tld}/x`) &&
          !pattern.matches(`https://${sub}${name}.${tld}/`)
        );
      }),
    );
  });

  it('property: parsing the canonical text of a pattern gives the same pattern', () => {
    const label = fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/).filter((s) => !s.startsWith('-') && !s.endsWith('-'));
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https', '*'),
        fc.boolean(),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^\/[a-z*/?]{0,10}$/),
        (scheme, subdomains, labels, path) => {
          const text = `${scheme}://${subdomains ? '*.' : ''}${labels.join('.')}${path}`;
          const once = MatchPattern.tryParse(text, SCHEME_ALL);
          if (once instanceof Error) return true;
          return MatchPattern.parse(once.toString(), SCHEME_ALL).toString() === once.toString();
        },
      ),
    );
  });
});
