/**
 * The `externally_connectable` manifest key: who besides the extension itself may open a channel to
 * it. A port of extensions/common/manifest_handlers/externally_connectable.cc as of M107+, where
 * wildcard hosts and eTLD wildcards are accepted; Switchboard reports those separately as security
 * warnings (overBroadPatternWarnings), judged with the Public Suffix List.
 */
import { parse as parseDomain } from 'tldts';
import {
  EXTERNALLY_CONNECTABLE_NOTHING_CAN_CONNECT,
  EXTERNALLY_CONNECTABLE_TLS_WITHOUT_MATCHES,
  externallyConnectableInvalidId,
  externallyConnectableInvalidMatch,
  schemaTypeError,
} from '../errors.ts';
import {
  ManifestError,
  isDictionary,
  readOptionalBoolean,
  readOptionalStringList,
  type InstallWarning,
} from './manifest-error.ts';
import { MatchPattern, MatchPatternSet, SCHEME_ALL } from './match-pattern.ts';

const KEY = 'externally_connectable';
const ALL_IDS = '*';

/** crx_file::id_util::IdIsValid: 32 characters a–p, either case. */
function idIsValid(id: string): boolean {
  return /^[a-p]{32}$/i.test(id);
}

/** ExternallyConnectableInfo: the parsed key, and the checks MessageService::OpenChannelToExtension makes. */
export class ExternallyConnectable {
  /** The ids other than "*", sorted as Chromium stores them. */
  readonly ids: readonly string[];

  constructor(
    /** Web pages (by their last committed URL) that may connect. */
    readonly matches: MatchPatternSet,
    ids: readonly string[],
    /** `ids` contained "*": every extension may connect. */
    readonly allIds: boolean,
    /** Whether sender.tlsChannelId is filled in for web-page senders; forced false without matches. */
    readonly acceptsTlsChannelId: boolean,
  ) {
    this.ids = [...ids].sort();
  }

  /** IdCanConnect: "*" admits everyone; otherwise an exact, case-sensitive id match. */
  allowsExtension(id: string): boolean {
    return this.allIds || this.ids.includes(id);
  }

  /** A web page may connect when its URL matches one of `matches`. */
  allowsUrl(url: string | URL): boolean {
    return this.matches.matchesUrl(url);
  }
}

/**
 * What Chrome does when the key is absent: every other extension (and its content scripts) may
 * connect, and no web page may.
 */
export const EXTERNALLY_CONNECTABLE_ABSENT = new ExternallyConnectable(new MatchPatternSet(), [], true, false);

export interface ParsedExternallyConnectable {
  readonly externallyConnectable: ExternallyConnectable;
  readonly warnings: readonly InstallWarning[];
}

/**
 * ExternallyConnectableInfo::FromValue. Throws ManifestError with Chrome's text for a value Chrome
 * refuses; returns Chrome's install warnings alongside the result.
 */
export function parseExternallyConnectable(value: unknown): ParsedExternallyConnectable {
  if (!isDictionary(value)) throw new ManifestError(schemaTypeError('dictionary', value), KEY);

  // The generated ExternallyConnectable::FromValue checks types first, in schema order.
  const idsValue = readOptionalStringList(value, 'ids');
  if (idsValue && 'error' in idsValue) throw new ManifestError(idsValue.error, `${KEY}.ids`);
  const matchesValue = readOptionalStringList(value, 'matches');
  if (matchesValue && 'error' in matchesValue) throw new ManifestError(matchesValue.error, `${KEY}.matches`);
  const tlsValue = readOptionalBoolean(value, 'accepts_tls_channel_id');
  if (typeof tlsValue === 'object') throw new ManifestError(tlsValue.error, `${KEY}.accepts_tls_channel_id`);

  const patterns: MatchPattern[] = [];
  for (const [index, text] of (matchesValue ?? []).entries()) {
    // SCHEME_ALL is safe here: externally_connectable opens a page-to-extension path, not the reverse.
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof Error) {
      throw new ManifestError(externallyConnectableInvalidMatch(text), `${KEY}.matches[${index}]`);
    }
    patterns.push(pattern);
  }
  const matches = new MatchPatternSet(patterns);

  const ids: string[] = [];
  let allIds = false;
  for (const [index, id] of (idsValue ?? []).entries()) {
    if (id === ALL_IDS) allIds = true;
    else if (idIsValid(id)) ids.push(id);
    else throw new ManifestError(externallyConnectableInvalidId(id), `${KEY}.ids[${index}]`);
  }

  const warnings: InstallWarning[] = [];
  if (!allIds && matches.isEmpty && ids.length === 0) {
    warnings.push({ message: EXTERNALLY_CONNECTABLE_NOTHING_CAN_CONNECT, key: KEY });
  }
  // Present at all (even false) without matches draws the warning, and the flag is then off.
  let acceptsTlsChannelId = tlsValue ?? false;
  if (tlsValue !== undefined && matches.isEmpty) {
    acceptsTlsChannelId = false;
    warnings.push({ message: EXTERNALLY_CONNECTABLE_TLS_WITHOUT_MATCHES, key: KEY });
  }

  return { externallyConnectable: new ExternallyConnectable(matches, ids, allIds, acceptsTlsChannelId), warnings };
}

export interface OverBroadPatternWarning {
  /** The pattern as written in the manifest. */
  readonly pattern: string;
  /** Where it is, e.g. "externally_connectable.matches[2]". */
  readonly key: string;
  /** any-host: `<all_urls>` or a `*` host; public-suffix: `*.` + a PSL entry (ICANN or private). */
  readonly reason: 'any-host' | 'public-suffix';
  readonly publicSuffix?: string;
  readonly message: string;
}

/**
 * Switchboard's own security check of externally_connectable.matches. Chrome (M107+) accepts these
 * patterns, so loading never fails on them; but each one lets pages of unrelated owners message the
 * extension. A pattern is over-broad when its host is `*` (or it is `<all_urls>`), or when it is
 * `*.` followed by a public suffix from the Public Suffix List, private registries included
 * (`*.co.uk`, `*.appspot.com`, `*.github.io`). Invalid patterns are skipped: parsing reports them.
 */
export function overBroadPatternWarnings(patterns: readonly string[], key = `${KEY}.matches`): OverBroadPatternWarning[] {
  const warnings: OverBroadPatternWarning[] = [];
  for (const [index, text] of patterns.entries()) {
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof Error) continue;
    const where = `${key}[${index}]`;
    if (pattern.matchAllUrls || (pattern.matchSubdomains && pattern.host === '')) {
      warnings.push({
        pattern: text,
        key: where,
        reason: 'any-host',
        message:
          `${where}: "${text}" matches pages on every host, so any web site can send messages to this ` +
          'extension. List the sites that need to connect instead.',
      });
      continue;
    }
    if (!pattern.matchSubdomains) continue;
    const suffix = publicSuffixOf(pattern.host);
    if (suffix === undefined) continue;
    warnings.push({
      pattern: text,
      key: where,
      reason: 'public-suffix',
      publicSuffix: suffix.name,
      message:
        `${where}: "${text}" matches every site under "${suffix.name}", which is a public suffix` +
        (suffix.isPrivate ? ' (a private registry: its subdomains belong to unrelated owners)' : '') +
        ', so sites of unrelated owners can send messages to this extension. Name the site itself instead.',
    });
  }
  return warnings;
}

/** `host` itself when the Public Suffix List lists it (ICANN or private section), else undefined. */
function publicSuffixOf(host: string): { name: string; isPrivate: boolean } | undefined {
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  const info = parseDomain(bare, { allowPrivateDomains: true });
  if (info.isIp || info.domain !== null || info.publicSuffix !== bare) return undefined;
  // tldts falls back to "the last label is a suffix" for unknown TLDs; only listed suffixes count.
  if (!info.isIcann && !info.isPrivate) return undefined;
  return { name: bare, isPrivate: info.isPrivate === true };
}
