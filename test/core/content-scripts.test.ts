/**
 * content_scripts parsing and the injection decision. Error texts come from Chromium's
 * chrome/common/extensions/manifest_tests/extension_manifests_initvalue_unittest.cc,
 * extension_manifests_contentscripts_unittest.cc and extension_manifests_exclude_matches_unittest.cc;
 * the match_origin_as_fallback cases mirror ContentScriptsManifestTest.MatchOriginAsFallback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  EXECUTION_WORLD_RESTRICTED_TO_MV3,
  MATCH_ORIGIN_AS_FALLBACK_CANT_HAVE_PATHS,
  MATCH_ORIGIN_AS_FALLBACK_RESTRICTED_TO_MV3,
} from '../../src/core/errors.ts';
import {
  parseContentScriptEntry,
  parseContentScripts,
  type ContentScriptEntry,
  type ContentScriptParseOptions,
} from '../../src/core/manifest/content-scripts.ts';
import { ManifestError } from '../../src/core/manifest/manifest-error.ts';

function entry(value: Record<string, unknown>, options?: ContentScriptParseOptions): ContentScriptEntry {
  return parseContentScriptEntry({ js: ['cs.js'], ...value }, 0, options).entry;
}

function errorOf(value: unknown, options?: ContentScriptParseOptions): ManifestError {
  try {
    parseContentScripts(value, options);
  } catch (error) {
    assert.ok(error instanceof ManifestError);
    return error;
  }
  assert.fail('expected a ManifestError');
}

const main = (url: string) => ({ url, isMainFrame: true });
const sub = (url: string) => ({ url, isMainFrame: false });

describe('content_scripts parsing errors', () => {
  it('type errors use the generated parser\'s text under "Error at key \'content_scripts\'"', () => {
    const prefix = "Error at key 'content_scripts'. Parsing array failed at index 0: ";
    const cases: Array<[unknown, string]> = [
      [1, "Error at key 'content_scripts'. Type is invalid. Expected list, found integer."],
      [[1], `${prefix}expected dictionary, got integer`],
      [[{ js: ['a.js'] }], `${prefix}'matches' is required`],
      [[{ matches: 1, js: ['a.js'] }], `${prefix}'matches': expected list, got integer`],
      [[{ matches: [1], js: ['a.js'] }], `${prefix}Error at key 'matches': Parsing array failed at index 0: expected string, got integer`],
      [[{ matches: ['<all_urls>'], js: 1 }], `${prefix}'js': expected list, got integer`],
      [[{ matches: ['<all_urls>'], js: [1] }], `${prefix}Error at key 'js': Parsing array failed at index 0: expected string, got integer`],
      [[{ matches: ['<all_urls>'], css: 1 }], `${prefix}'css': expected list, got integer`],
      [[{ matches: ['<all_urls>'], js: ['a.js'], exclude_matches: 'x' }], `${prefix}'exclude_matches': expected list, got string`],
      [[{ matches: ['<all_urls>'], js: ['a.js'], all_frames: 'yes' }], `${prefix}'all_frames': expected boolean, got string`],
      [[{ matches: ['<all_urls>'], js: ['a.js'], run_at: 3 }], `${prefix}'run_at': expected string, got integer`],
      [
        [{ matches: ['<all_urls>'], js: ['a.js'], run_at: 'document_load' }],
        `${prefix}'run_at': expected "document_start" or "document_end" or "document_idle", got "document_load"`,
      ],
    ];
    for (const [value, message] of cases) assert.equal(errorOf(value).message, message, JSON.stringify(value));
  });

  it('the failing entry\'s index appears in the message and the key', () => {
    const error = errorOf([{ matches: ['<all_urls>'], js: ['a.js'] }, { matches: ['<all_urls>'] }]);
    assert.equal(error.message, "At least one js or css file is required for 'content_scripts[1]'.");
    assert.equal(error.key, 'content_scripts[1]');
  });

  it('an empty matches list, or js and css both empty, is refused', () => {
    assert.equal(
      errorOf([{ matches: [], js: ['a.js'] }]).message,
      "Invalid value for 'content_scripts[0].matches'. There must be at least one match specified.",
    );
    assert.equal(errorOf([{ matches: ['<all_urls>'], js: [] }]).message, "At least one js or css file is required for 'content_scripts[0]'.");
    // Files are checked before patterns, as in ParseSerializedUserScript.
    assert.equal(errorOf([{ matches: [] }]).message, "At least one js or css file is required for 'content_scripts[0]'.");
  });

  it('an invalid pattern names the entry, the pattern index and the parse error', () => {
    const chrome = errorOf([{ matches: ['https://a.com/*', 'chrome://newtab/*'], js: ['a.js'] }]);
    assert.equal(chrome.message, "Invalid value for 'content_scripts[0].matches[1]': Invalid scheme.");
    assert.equal(chrome.key, 'content_scripts[0].matches[1]');
    assert.equal(
      errorOf([{ matches: ['chrome-extension://abc/*'], js: ['a.js'] }]).message,
      "Invalid value for 'content_scripts[0].matches[0]': Invalid scheme.",
    );
    assert.equal(
      errorOf([{ matches: ['<all_urls>'], exclude_matches: ['http://*foo/'], js: ['a.js'] }]).message,
      "Invalid value for 'content_scripts[0].exclude_matches[0]': Invalid host wildcard.",
    );
  });

  it('ports in content script patterns are accepted', () => {
    assert.ok(entry({ matches: ['http://localhost:8080/*'] }).matchesUrl('http://localhost:8080/x'));
  });
});

describe('content_scripts defaults and MV3-only keys', () => {
  it('defaults: top frame only, document_idle, isolated world, no about:blank fallback', () => {
    const e = entry({ matches: ['<all_urls>'] });
    assert.equal(e.allFrames, false);
    assert.equal(e.runAt, 'document_idle');
    assert.equal(e.world, 'ISOLATED');
    assert.equal(e.matchOriginAsFallback, 'never');
  });

  // ContentScriptsManifestTest.MatchOriginAsFallback
  it('match_origin_as_fallback, when given, takes precedence over match_about_blank', () => {
    const behaviour = (flags: Record<string, boolean>) => entry({ matches: ['https://a.com/*'], ...flags }).matchOriginAsFallback;
    assert.equal(behaviour({ match_origin_as_fallback: true }), 'always');
    assert.equal(behaviour({ match_origin_as_fallback: false }), 'never');
    assert.equal(behaviour({ match_about_blank: true }), 'about-scheme-and-climb-tree');
    assert.equal(behaviour({ match_about_blank: false }), 'never');
    assert.equal(behaviour({ match_origin_as_fallback: false, match_about_blank: true }), 'never');
    assert.equal(behaviour({ match_origin_as_fallback: true, match_about_blank: false }), 'always');
    assert.equal(behaviour({}), 'never');
  });

  // ContentScriptsManifestTest.MatchOriginAsFallback_InvalidCases
  it('match_origin_as_fallback requires every pattern\'s path to be "/*"', () => {
    const error = errorOf([{ matches: ['https://a.com/*', 'https://b.com/maps/*'], js: ['a.js'], match_origin_as_fallback: true }]);
    assert.equal(error.message, MATCH_ORIGIN_AS_FALLBACK_CANT_HAVE_PATHS);
    assert.doesNotThrow(() => entry({ matches: ['https://b.com/maps/*'], match_about_blank: true }));
  });

  // ContentScriptsManifestTest.ExecutionWorld, ExecutionWorld_InvalidForMV2
  it('in MV2, world and match_origin_as_fallback are ignored with install warnings', () => {
    const { entry: e, warnings } = parseContentScriptEntry(
      { matches: ['https://b.com/maps/*'], js: ['a.js'], world: 'MAIN', match_origin_as_fallback: true, match_about_blank: true },
      0,
      { manifestVersion: 2 },
    );
    assert.equal(e.world, 'ISOLATED');
    assert.equal(e.matchOriginAsFallback, 'about-scheme-and-climb-tree');
    assert.deepEqual(
      warnings.map((w) => w.message),
      [MATCH_ORIGIN_AS_FALLBACK_RESTRICTED_TO_MV3, EXECUTION_WORLD_RESTRICTED_TO_MV3],
    );
    assert.equal(entry({ matches: ['<all_urls>'], world: 'MAIN' }).world, 'MAIN');
  });
});

describe('content script injection decision', () => {
  it('matches, then exclude_matches wins', () => {
    const e = entry({ matches: ['https://*.example.com/*'], exclude_matches: ['https://admin.example.com/*'] });
    assert.ok(e.matchesFrame(main('https://www.example.com/a')));
    assert.ok(!e.matchesFrame(main('https://admin.example.com/a')));
    assert.ok(!e.matchesFrame(main('https://other.com/')));
  });

  it('without all_frames only the main frame is injected; with it every matching frame', () => {
    const top = entry({ matches: ['https://a.com/*'] });
    assert.ok(top.matchesFrame(main('https://a.com/')));
    assert.ok(!top.matchesFrame(sub('https://a.com/')));
    const all = entry({ matches: ['https://a.com/*'], all_frames: true });
    assert.ok(all.matchesFrame(sub('https://a.com/')));
    assert.ok(!all.matchesFrame(sub('https://b.com/')));
  });

  it('include_globs must also match (one of them), exclude_globs must not, both over the whole URL', () => {
    const e = entry({ matches: ['https://*.nytimes.com/*'], include_globs: ['*nytimes.com/???s/*'], exclude_globs: ['*science*'] });
    assert.ok(e.matchesUrl('https://www.nytimes.com/arts/index.html'));
    assert.ok(e.matchesUrl('https://www.nytimes.com/jobs/index.html'));
    assert.ok(e.matchesUrl('https://www.nytimes.com/ts/x'), '"?" also matches zero characters');
    assert.ok(!e.matchesUrl('https://www.nytimes.com/sports/index.html'));
    assert.ok(!e.matchesUrl('https://www.nytimes.com/arts/science.html'));
  });

  it('"*://" covers http and https only; <all_urls> also file: when the user allows file access', () => {
    const star = entry({ matches: ['*://*/*'] });
    assert.ok(star.matchesUrl('http://a.com/') && star.matchesUrl('https://a.com/'));
    assert.ok(!star.matchesUrl('ftp://a.com/') && !star.matchesUrl('file:///tmp/x.html'));
    assert.ok(!entry({ matches: ['<all_urls>'] }).matchesUrl('file:///tmp/x.html'));
    assert.ok(!entry({ matches: ['file:///*'] }).matchesUrl('file:///tmp/x.html'));
    assert.ok(entry({ matches: ['<all_urls>'] }, { allowFileAccess: true }).matchesUrl('file:///tmp/x.html'));
    assert.ok(entry({ matches: ['<all_urls>'] }).matchesUrl('ftp://a.com/'));
    assert.ok(!entry({ matches: ['<all_urls>'] }).matchesUrl('chrome://newtab/'));
    assert.ok(!entry({ matches: ['<all_urls>'] }).matchesUrl('about:blank'));
  });

  it('an about:blank frame is injected only with match_about_blank, judged by its same-origin creator\'s URL', () => {
    const ancestors = [{ url: 'https://a.com/maps/x', origin: 'https://a.com' }];
    const frame = { url: 'about:blank', isMainFrame: false, origin: 'https://a.com', ancestors };
    const without = entry({ matches: ['https://a.com/maps/*'], all_frames: true });
    assert.ok(!without.matchesFrame(frame));
    const withBlank = entry({ matches: ['https://a.com/maps/*'], all_frames: true, match_about_blank: true });
    assert.ok(withBlank.matchesFrame(frame));
    assert.equal(withBlank.effectiveUrl(frame), 'https://a.com/maps/x');
    // Created by a.com but not under /maps: the path matters with match_about_blank.
    assert.ok(!withBlank.matchesFrame({ ...frame, ancestors: [{ url: 'https://a.com/other', origin: 'https://a.com' }] }));
  });

  it('match_about_blank climbs through about: ancestors and gives up at an origin change', () => {
    const e = entry({ matches: ['https://a.com/*'], all_frames: true, match_about_blank: true });
    const nested = {
      url: 'about:srcdoc',
      isMainFrame: false,
      origin: 'https://a.com',
      ancestors: [{ url: 'about:blank', origin: 'https://a.com' }, { url: 'https://a.com/page' }],
    };
    assert.equal(e.effectiveUrl(nested), 'https://a.com/page');
    assert.ok(e.matchesFrame(nested));
    const navigatedByOther = { ...nested, ancestors: [{ url: 'https://b.com/', origin: 'https://b.com' }] };
    assert.equal(e.effectiveUrl(navigatedByOther), 'about:srcdoc');
    assert.equal(e.effectiveUrl({ url: 'about:blank', isMainFrame: true }), 'about:blank');
  });

  it('a top-level about:blank popup is judged by its opener', () => {
    const e = entry({ matches: ['https://a.com/*'], match_about_blank: true });
    assert.ok(e.matchesFrame({ url: 'about:blank', isMainFrame: true, ancestors: [{ url: 'https://a.com/' }] }));
  });

  it('match_origin_as_fallback judges about: and data: frames by their (precursor) origin', () => {
    const e = entry({ matches: ['https://a.com/*'], all_frames: true, match_origin_as_fallback: true });
    const data = { url: 'data:text/html,hi', isMainFrame: false, origin: 'https://a.com', ancestors: [{ url: 'https://a.com/x' }] };
    assert.equal(e.effectiveUrl(data), 'https://a.com/');
    assert.ok(e.matchesFrame(data));
    assert.ok(!e.matchesFrame({ ...data, origin: 'null' }), 'no precursor origin, no fallback');
    // match_about_blank alone does not cover data: URLs.
    const blankOnly = entry({ matches: ['https://a.com/*'], all_frames: true, match_about_blank: true });
    assert.ok(!blankOnly.matchesFrame(data));
  });

  it('property: exclude_matches equal to matches means the entry never injects', () => {
    const label = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(label, label, (host, path) => {
        const pattern = `https://${host}.test/*`;
        const e = entry({ matches: [pattern], exclude_matches: [pattern] });
        return !e.matchesFrame(main(`https://${host}.test/${path}`));
      }),
    );
  });
});
