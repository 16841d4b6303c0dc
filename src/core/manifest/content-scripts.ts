/**
 * The `content_scripts` manifest key and Chrome's decision to inject an entry into a frame.
 * Parsing follows content_scripts_handler.cc, scripts_internal/script_serialization.cc
 * (ParseSerializedUserScript) and utils/content_script_utils.cc, in their order of checks; the
 * decision follows user_script.cc (MatchesURL, MatchesDocument) and
 * content_script_injection_url_getter.cc (which URL stands in for about:/data: frames).
 * Not modelled: run_at timing, permission checks on the page (e.g. the Web Store), and
 * disallowdocumentaccess, which makes Chrome refuse to climb to an inaccessible parent.
 */
import {
  EXECUTION_WORLD_RESTRICTED_TO_MV3,
  MATCH_ORIGIN_AS_FALLBACK_CANT_HAVE_PATHS,
  MATCH_ORIGIN_AS_FALLBACK_RESTRICTED_TO_MV3,
  contentScriptInvalidExcludeMatch,
  contentScriptInvalidMatch,
  contentScriptInvalidMatchCount,
  contentScriptMissingFile,
  manifestKeyArrayItemError,
  manifestKeyTypeError,
  schemaEnumError,
  schemaPropertyTypeError,
  schemaRequiredError,
  schemaTypeError,
} from '../errors.ts';
import {
  ManifestError,
  isDictionary,
  readOptionalBoolean,
  readOptionalStringList,
  type InstallWarning,
} from './manifest-error.ts';
import { CONTENT_SCRIPT_SCHEMES, MatchPattern, MatchPatternSet, SCHEME_FILE, matchGlob } from './match-pattern.ts';

const KEY = 'content_scripts';

/** extension_types.json RunAt and ExecutionWorld, in schema order (the order of the enum error text). */
const RUN_AT_VALUES = ['document_start', 'document_end', 'document_idle'] as const;
const WORLD_VALUES = ['ISOLATED', 'MAIN', 'USER_SCRIPT'] as const;
export type RunAt = (typeof RUN_AT_VALUES)[number];
/** USER_SCRIPT passes Chrome's manifest parser; what Chrome then does with it is not verified here. */
export type ExecutionWorld = (typeof WORLD_VALUES)[number];

/** MatchOriginAsFallbackBehavior (script_constants.h). */
export type MatchOriginAsFallback = 'never' | 'about-scheme-and-climb-tree' | 'always';

export interface ContentScriptParseOptions {
  /** Defaults to 3. In MV2, `match_origin_as_fallback` and `world` are ignored with an install warning. */
  readonly manifestVersion?: number;
  /**
   * The user's "Allow access to file URLs" toggle (Extension::ALLOW_FILE_ACCESS). Off by default, as
   * in Chrome: `matches` patterns then stop matching file: URLs.
   */
  readonly allowFileAccess?: boolean;
}

/** A frame's ancestor for the about:blank fallback: its parent, or for a main frame its opener. */
export interface FrameAncestor {
  readonly url: string;
  /** The document's origin; defaults to the URL's own (for about: URLs, the next ancestor's). */
  readonly origin?: string;
}

export interface FrameForInjection {
  /** The document URL. */
  readonly url: string;
  readonly isMainFrame: boolean;
  /**
   * The document's origin, or for an opaque origin (data:, sandboxed) its precursor origin, i.e.
   * who created or navigated it; "null" when there is none. Defaults to the nearest ancestor's
   * origin for about: and data: documents (the usual creator), else the URL's own origin.
   */
  readonly origin?: string;
  /** Parent (or, for a main frame, opener), then its parent or opener, and so on. */
  readonly ancestors?: readonly FrameAncestor[];
}

/** One parsed `content_scripts` entry (Chromium's UserScript for a manifest content script). */
export class ContentScriptEntry {
  constructor(
    readonly index: number,
    readonly matches: MatchPatternSet,
    readonly excludeMatches: MatchPatternSet,
    readonly includeGlobs: readonly string[],
    readonly excludeGlobs: readonly string[],
    readonly js: readonly string[],
    readonly css: readonly string[],
    readonly allFrames: boolean,
    readonly matchOriginAsFallback: MatchOriginAsFallback,
    readonly runAt: RunAt,
    readonly world: ExecutionWorld,
  ) {}

  /**
   * UserScript::MatchesURL for manifest scripts: exclusions win; then `matches` and, when present,
   * one include glob must match. Globs are base::MatchPattern (`*`, `?` = zero or one char) over the
   * whole URL text.
   */
  matchesUrl(url: string): boolean {
    const spec = urlSpec(url);
    if (spec === undefined) return false;
    if (!this.excludeMatches.isEmpty && this.excludeMatches.matchesUrl(spec)) return false;
    if (this.excludeGlobs.some((glob) => matchGlob(spec, glob))) return false;
    return (
      (this.matches.isEmpty || this.matches.matchesUrl(spec)) &&
      (this.includeGlobs.length === 0 || this.includeGlobs.some((glob) => matchGlob(spec, glob)))
    );
  }

  /** UserScript::MatchesDocument on the effective URL: whether Chrome injects this entry into the frame. */
  matchesFrame(frame: FrameForInjection): boolean {
    if (!frame.isMainFrame && !this.allFrames) return false;
    return this.matchesUrl(this.effectiveUrl(frame));
  }

  /**
   * ContentScriptInjectionUrlGetter::Get: the URL matched in place of the document's. With
   * match_about_blank, an about: document is matched by the URL of the nearest non-about: ancestor
   * of the same origin; with match_origin_as_fallback, an about: or data: document is matched by its
   * (precursor) origin.
   */
  effectiveUrl(frame: FrameForInjection): string {
    const scheme = schemeOf(frame.url);
    const considerOrigin =
      this.matchOriginAsFallback === 'about-scheme-and-climb-tree'
        ? scheme === 'about'
        : this.matchOriginAsFallback === 'always' && (scheme === 'about' || scheme === 'data');
    if (!considerOrigin) return frame.url;

    const ancestors = frame.ancestors ?? [];
    const tuple = tupleOf(frame.origin ?? (ancestors[0] ? ancestorOrigin(ancestors, 0) : frame.url));
    if (tuple === undefined) return frame.url;
    if (this.matchOriginAsFallback === 'always') return tuple.url;

    // Climb to the closest ancestor that is not an about: page; any origin change on the way bails.
    for (let i = 0; i < ancestors.length; i++) {
      const parentTuple = tupleOf(ancestorOrigin(ancestors, i));
      if (parentTuple === undefined || parentTuple.key !== tuple.key) return frame.url;
      const parentUrl = ancestors[i]!.url;
      if (schemeOf(parentUrl) !== 'about') return parentUrl;
    }
    return frame.url;
  }
}

export interface ParsedContentScripts {
  readonly entries: readonly ContentScriptEntry[];
  readonly warnings: readonly InstallWarning[];
}

/** The whole `content_scripts` value: a list of entries. Throws ManifestError with Chrome's text. */
export function parseContentScripts(value: unknown, options: ContentScriptParseOptions = {}): ParsedContentScripts {
  if (!Array.isArray(value)) throw new ManifestError(manifestKeyTypeError(KEY, 'list', value), KEY);
  const items: unknown[] = value;
  const warnings: InstallWarning[] = [];
  const entries = items.map((item, index) => {
    const parsed = parseContentScriptEntry(item, index, options);
    warnings.push(...parsed.warnings);
    return parsed.entry;
  });
  return { entries, warnings };
}

/** One `content_scripts[index]` entry. Throws ManifestError with Chrome's text. */
export function parseContentScriptEntry(
  value: unknown,
  index: number,
  options: ContentScriptParseOptions = {},
): { entry: ContentScriptEntry; warnings: InstallWarning[] } {
  const manifestVersion = options.manifestVersion ?? 3;
  const at = `${KEY}[${index}]`;
  const typeError = (error: string, key: string): ManifestError =>
    new ManifestError(manifestKeyArrayItemError(KEY, index, error), key);

  // The generated ContentScript::FromValue: types first, in the IDL's property order.
  if (!isDictionary(value)) throw typeError(schemaTypeError('dictionary', value), at);
  if (value.matches === undefined) throw typeError(schemaRequiredError('matches'), `${at}.matches`);
  const lists: Record<string, string[] | undefined> = {};
  for (const key of ['matches', 'exclude_matches', 'css', 'js']) {
    const list = readOptionalStringList(value, key);
    if (list && 'error' in list) throw typeError(list.error, `${at}.${key}`);
    lists[key] = list;
  }
  const flags: Record<string, boolean | undefined> = {};
  for (const key of ['all_frames', 'match_origin_as_fallback', 'match_about_blank']) {
    const flag = readOptionalBoolean(value, key);
    if (typeof flag === 'object') throw typeError(flag.error, `${at}.${key}`);
    flags[key] = flag;
  }
  for (const key of ['include_globs', 'exclude_globs']) {
    const list = readOptionalStringList(value, key);
    if (list && 'error' in list) throw typeError(list.error, `${at}.${key}`);
    lists[key] = list;
  }
  const runAt = readEnum(value, 'run_at', RUN_AT_VALUES, (e) => typeError(e, `${at}.run_at`)) ?? 'document_idle';
  const worldValue = readEnum(value, 'world', WORLD_VALUES, (e) => typeError(e, `${at}.world`));

  // CreateUserScript: MV3-only keys are dropped with a warning in MV2.
  const warnings: InstallWarning[] = [];
  let matchOriginAsFallback: MatchOriginAsFallback = 'never';
  const fallbackFlag = flags.match_origin_as_fallback;
  let fallbackSpecified = false;
  if (fallbackFlag !== undefined) {
    if (manifestVersion >= 3) {
      fallbackSpecified = true;
      matchOriginAsFallback = fallbackFlag ? 'always' : 'never';
    } else {
      warnings.push({ message: MATCH_ORIGIN_AS_FALLBACK_RESTRICTED_TO_MV3, key: KEY });
    }
  }
  // match_about_blank counts only when match_origin_as_fallback was not (effectively) given.
  if (!fallbackSpecified && flags.match_about_blank === true) matchOriginAsFallback = 'about-scheme-and-climb-tree';
  let world: ExecutionWorld = 'ISOLATED';
  if (worldValue !== undefined) {
    if (manifestVersion >= 3) world = worldValue;
    else warnings.push({ message: EXECUTION_WORLD_RESTRICTED_TO_MV3, key: KEY });
  }

  // ParseSerializedUserScript: files, then match patterns, then the match_origin_as_fallback check.
  const js = lists.js ?? [];
  const css = lists.css ?? [];
  if (js.length === 0 && css.length === 0) throw new ManifestError(contentScriptMissingFile(index), at);

  const matchTexts = lists.matches ?? [];
  if (matchTexts.length === 0) throw new ManifestError(contentScriptInvalidMatchCount(index), `${at}.matches`);
  const matches = matchTexts.map((text, i) => {
    const pattern = MatchPattern.tryParse(text, CONTENT_SCRIPT_SCHEMES);
    if (pattern instanceof Error) {
      throw new ManifestError(contentScriptInvalidMatch(index, i, pattern.message), `${at}.matches[${i}]`);
    }
    // Without file access, a pattern that would reach file: URLs loses that scheme.
    if (pattern.matchesScheme('file') && !options.allowFileAccess) {
      return pattern.withValidSchemes(pattern.validSchemes & ~SCHEME_FILE);
    }
    return pattern;
  });
  const excludeMatches = (lists.exclude_matches ?? []).map((text, i) => {
    const pattern = MatchPattern.tryParse(text, CONTENT_SCRIPT_SCHEMES);
    if (pattern instanceof Error) {
      throw new ManifestError(
        contentScriptInvalidExcludeMatch(index, i, pattern.message),
        `${at}.exclude_matches[${i}]`,
      );
    }
    return pattern;
  });

  // ValidateMatchOriginAsFallback: an origin has no path, so the patterns must not narrow by path.
  if (matchOriginAsFallback === 'always' && matches.some((pattern) => pattern.path !== '/*')) {
    throw new ManifestError(MATCH_ORIGIN_AS_FALLBACK_CANT_HAVE_PATHS, `${at}.matches`);
  }

  const entry = new ContentScriptEntry(
    index,
    new MatchPatternSet(matches),
    new MatchPatternSet(excludeMatches),
    lists.include_globs ?? [],
    lists.exclude_globs ?? [],
    js,
    css,
    flags.all_frames ?? false,
    matchOriginAsFallback,
    runAt,
    world,
  );
  return { entry, warnings };
}

function readEnum<T extends string>(
  dict: Record<string, unknown>,
  key: string,
  values: readonly T[],
  fail: (error: string) => Error,
): T | undefined {
  const value = dict[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw fail(schemaPropertyTypeError(key, 'string', value));
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw fail(schemaEnumError(key, values, value));
  return found;
}

/** GURL::spec, which globs are matched against; undefined for an invalid URL. */
function urlSpec(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function schemeOf(url: string): string | undefined {
  try {
    return new URL(url).protocol.slice(0, -1);
  } catch {
    return undefined;
  }
}

/** An ancestor's origin: given, or its URL's, or (about: ancestors) the next ancestor's. */
function ancestorOrigin(ancestors: readonly FrameAncestor[], index: number): string {
  for (let i = index; i < ancestors.length; i++) {
    const ancestor = ancestors[i]!;
    if (ancestor.origin !== undefined) return ancestor.origin;
    if (schemeOf(ancestor.url) !== 'about') return ancestor.url;
  }
  return 'null';
}

/**
 * url::SchemeHostPort of an origin (or of a URL's origin): `key` compares tuples, `url` is
 * Origin::GetURL ("https://example.com/"). Undefined for an opaque or invalid origin.
 */
function tupleOf(originOrUrl: string): { key: string; url: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(originOrUrl);
  } catch {
    return undefined;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (parsed.host === '' && scheme !== 'file') return undefined;
  const defaultPort: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', ftp: '21' };
  const port = parsed.port || defaultPort[scheme] || '';
  const host = parsed.hostname.toLowerCase();
  return { key: `${scheme}://${host}:${port}`, url: `${parsed.protocol}//${parsed.host.toLowerCase()}/` };
}
