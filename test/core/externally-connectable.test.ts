/**
 * externally_connectable. Cases ported from Chromium's
 * extensions/common/manifest_handlers/externally_connectable_unittest.cc, with the manifests of
 * extensions/test/data/manifest_tests/externally_connectable_*.json inlined.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as errors from '../../src/core/errors.ts';
import {
  EXTERNALLY_CONNECTABLE_ABSENT,
  overBroadPatternWarnings,
  parseExternallyConnectable,
} from '../../src/core/manifest/externally-connectable.ts';
import { ManifestError } from '../../src/core/manifest/manifest-error.ts';

const ID_A = 'abcdefghijklmnopabcdefghijklmnop';
const ID_P = 'ponmlkjihgfedcbaponmlkjihgfedcba';

function parse(value: unknown) {
  const { externallyConnectable, warnings } = parseExternallyConnectable(value);
  return { info: externallyConnectable, warnings: warnings.map((w) => w.message) };
}

function manifestError(value: unknown): ManifestError {
  try {
    parseExternallyConnectable(value);
  } catch (error) {
    assert.ok(error instanceof ManifestError);
    return error;
  }
  assert.fail('expected a ManifestError');
}

// externally_connectable_ids_and_matches.json
const IDS_AND_MATCHES = {
  ids: [ID_A, ID_P],
  matches: [
    'http://example.com/',
    '*://*.google.com/*',
    'http://build.chromium.org/*',
    'http://appspot.com/*',
    'http://com/*',
    'http://go/*',
    'http://no.wildcard.path/',
  ],
};

describe('externally_connectable parsing', () => {
  // IDsAndMatches
  it('ids are kept sorted, and matches admit exactly the pages their patterns match', () => {
    const { info, warnings } = parse(IDS_AND_MATCHES);
    assert.deepEqual(warnings, []);
    assert.deepEqual(info.ids, [ID_A, ID_P]);
    assert.equal(info.allIds, false);
    const yes = [
      'http://example.com', 'http://example.com/', 'http://google.com', 'http://google.com/',
      'http://google.com/index.html', 'http://www.google.com', 'http://www.google.com/', 'https://google.com',
      'https://google.com/', 'http://build.chromium.org', 'http://build.chromium.org/',
      'http://build.chromium.org/index.html', 'http://appspot.com/foo.html', 'http://com', 'http://go/here',
      'http://no.wildcard.path', 'http://no.wildcard.path/',
    ];
    const no = [
      'http://example.com/index.html', 'https://build.chromium.org', 'https://build.chromium.org/',
      'http://foo.chromium.org/index.html', 'http://yahoo.com', 'http://yahoo.com/',
      'http://codereview.appspot.com/foo.html', 'http://chromium.com/index.html', 'http://here.go/somewhere',
      'http://no.wildcard.path/index.html',
    ];
    for (const url of yes) assert.ok(info.allowsUrl(url), url);
    for (const url of no) assert.ok(!info.allowsUrl(url), url);
  });

  // IDs, AllIDs
  it('"*" in ids admits every extension; otherwise only the listed ids, exactly', () => {
    const listed = parse({ ids: [ID_P, ID_A] }).info;
    assert.ok(listed.allowsExtension(ID_A));
    assert.ok(!listed.allowsExtension('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'));
    assert.ok(!listed.allowsUrl('http://google.com/index.html'));
    const all = parse({ ids: ['*', ID_A, ID_P] }).info;
    assert.equal(all.allIds, true);
    assert.deepEqual(all.ids, [ID_A, ID_P]);
    assert.ok(all.allowsExtension('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'));
  });

  it('an id in upper case passes IdIsValid but admits only the id spelled that way', () => {
    const upper = ID_A.toUpperCase();
    const { info } = parse({ ids: [upper] });
    assert.ok(info.allowsExtension(upper));
    assert.ok(!info.allowsExtension(ID_A));
  });

  it('with the key present but no ids, no extension may connect', () => {
    assert.ok(!parse({ matches: ['https://a.com/*'] }).info.allowsExtension(ID_A));
  });

  // Matches, MatchesWithTlsChannelId
  it('accepts_tls_channel_id is kept when there are matches', () => {
    assert.equal(parse({ matches: ['http://example.com/'] }).info.acceptsTlsChannelId, false);
    assert.equal(parse({ matches: ['http://example.com/'], accepts_tls_channel_id: true }).info.acceptsTlsChannelId, true);
  });

  // ErrorWrongFormat, ErrorBadID, ErrorBadMatches
  it('a value that is not a dictionary, a bad id or a bad pattern fails with Chrome\'s text', () => {
    const notDict = manifestError('foo');
    assert.equal(notDict.message, 'expected dictionary, got string');
    assert.equal(notDict.key, 'externally_connectable');
    const badId = manifestError({ ids: [ID_A, 'badid'] });
    assert.equal(badId.message, errors.externallyConnectableInvalidId('badid'));
    assert.equal(badId.key, 'externally_connectable.ids[1]');
    const badMatch = manifestError({ matches: ['http://example.com/', 'www.yahoo.com'] });
    assert.equal(badMatch.message, errors.externallyConnectableInvalidMatch('www.yahoo.com'));
    assert.equal(badMatch.key, 'externally_connectable.matches[1]');
  });

  it('every id is checked: not "*" and not 32 characters a–p is invalid', () => {
    for (const id of ['', 'abc', `${ID_A}a`, 'qbcdefghijklmnopabcdefghijklmnop', ' bcdefghijklmnopabcdefghijklmnop']) {
      assert.equal(manifestError({ ids: [id] }).message, `Invalid ID '${id}'`, JSON.stringify(id));
    }
  });

  it('members of the wrong type fail with the generated parser\'s text', () => {
    assert.equal(manifestError({ ids: 'x' }).message, "'ids': expected list, got string");
    assert.equal(
      manifestError({ matches: ['https://a.com/*', 7] }).message,
      "Error at key 'matches': Parsing array failed at index 1: expected string, got integer",
    );
    assert.equal(manifestError({ accepts_tls_channel_id: 'yes' }).message, "'accepts_tls_channel_id': expected boolean, got string");
  });

  // AllURLs, WildcardHost, TLD (M107+: accepted, no warning)
  it('since M107 <all_urls>, wildcard hosts and eTLD wildcards are accepted without warnings', () => {
    const all = parse({ matches: ['<all_urls>'] });
    assert.deepEqual(all.warnings, []);
    assert.ok(all.info.allowsUrl('https://example.com'));
    assert.ok(all.info.allowsUrl('http://build.chromium.org'));
    const wildcard = parse({ matches: ['http://*/*'] }).info;
    assert.ok(wildcard.allowsUrl('http://example.com'));
    assert.ok(!wildcard.allowsUrl('https://example.com'));
    const tld = parse({ matches: ['http://*.co.uk/*'] }).info;
    assert.ok(!tld.allowsUrl('http://example.com'));
    assert.ok(tld.allowsUrl('http://example.co.uk'));
  });

  it('patterns use SCHEME_ALL: an extension page or about: URL can be listed', () => {
    const { info } = parse({ matches: [`chrome-extension://${ID_A}/*`] });
    assert.ok(info.allowsUrl(`chrome-extension://${ID_A}/page.html`));
  });

  // WarningNothingSpecified, WarningUnusedAcceptsTlsChannelId
  it('no ids, no matches and no "*" loads with the "nothing will be able to connect" warning', () => {
    for (const value of [{ ids: [] }, { matches: [] }, {}]) {
      assert.deepEqual(parse(value).warnings, [errors.EXTERNALLY_CONNECTABLE_NOTHING_CAN_CONNECT], JSON.stringify(value));
    }
    assert.deepEqual(parse({ ids: ['*'] }).warnings, []);
  });

  it('accepts_tls_channel_id without matches warns (even when false) and is forced off', () => {
    const { info, warnings } = parse({ accepts_tls_channel_id: true, matches: [] });
    assert.deepEqual(warnings, [errors.EXTERNALLY_CONNECTABLE_NOTHING_CAN_CONNECT, errors.EXTERNALLY_CONNECTABLE_TLS_WITHOUT_MATCHES]);
    assert.equal(info.acceptsTlsChannelId, false);
    assert.deepEqual(parse({ ids: ['*'], accepts_tls_channel_id: false }).warnings, [errors.EXTERNALLY_CONNECTABLE_TLS_WITHOUT_MATCHES]);
  });

  it('without the key, every extension may connect and no web page may', () => {
    assert.ok(EXTERNALLY_CONNECTABLE_ABSENT.allowsExtension(ID_A));
    assert.ok(!EXTERNALLY_CONNECTABLE_ABSENT.allowsUrl('https://example.com/'));
    assert.equal(EXTERNALLY_CONNECTABLE_ABSENT.acceptsTlsChannelId, false);
  });

  it('property: any valid id listed in ids may connect, and a different id may not', () => {
    const id = fc.stringMatching(/^[a-p]{32}$/);
    fc.assert(
      fc.property(id, id, (listed, other) => {
        const { info } = parse({ ids: [listed] });
        return info.allowsExtension(listed) && (other === listed || !info.allowsExtension(other));
      }),
    );
  });
});

describe('over-broad externally_connectable patterns (Switchboard security warnings)', () => {
  it('<all_urls> and a "*" host are reported as letting any site connect', () => {
    const warnings = overBroadPatternWarnings(['<all_urls>', 'https://example.com/*', '*://*/*', 'http://*:8080/path']);
    assert.deepEqual(
      warnings.map((w) => [w.key, w.reason]),
      [
        ['externally_connectable.matches[0]', 'any-host'],
        ['externally_connectable.matches[2]', 'any-host'],
        ['externally_connectable.matches[3]', 'any-host'],
      ],
    );
    assert.match(warnings[0]!.message, /"<all_urls>" matches pages on every host/);
  });

  it('"*." + a public suffix is reported, ICANN and private registries alike', () => {
    const warnings = overBroadPatternWarnings(['http://*.co.uk/*', 'https://*.com/*', 'https://*.appspot.com/*', 'https://*.github.io/*']);
    assert.deepEqual(
      warnings.map((w) => w.publicSuffix),
      ['co.uk', 'com', 'appspot.com', 'github.io'],
    );
    assert.match(warnings[0]!.message, /"http:\/\/\*\.co\.uk\/\*" matches every site under "co\.uk", which is a public suffix/);
    assert.match(warnings[2]!.message, /private registry/);
  });

  it('a registrable domain, a bare public suffix and an unlisted TLD are not reported', () => {
    assert.deepEqual(
      overBroadPatternWarnings([
        'https://*.example.com/*',
        'https://*.example.co.uk/*',
        'http://appspot.com/*',
        'http://com/*',
        'http://*.localhost/*',
        'http://*.0.0.1/*',
        'not a pattern',
      ]),
      [],
    );
  });
});
