/**
 * events.UrlFilter (events.json), matched as Chromium's URLMatcher does
 * (components/url_matcher/url_matcher_factory.cc and url_matcher.cc): every criterion of one
 * filter must hold; a listener's filter matches if any of its UrlFilters does, or if it names none.
 */

/** The criteria of one events.UrlFilter. */
export interface UrlFilter {
  readonly hostContains?: string;
  readonly hostEquals?: string;
  readonly hostPrefix?: string;
  readonly hostSuffix?: string;
  readonly pathContains?: string;
  readonly pathEquals?: string;
  readonly pathPrefix?: string;
  readonly pathSuffix?: string;
  readonly queryContains?: string;
  readonly queryEquals?: string;
  readonly queryPrefix?: string;
  readonly querySuffix?: string;
  readonly urlContains?: string;
  readonly urlEquals?: string;
  readonly urlMatches?: string;
  readonly originAndPathMatches?: string;
  readonly urlPrefix?: string;
  readonly urlSuffix?: string;
  readonly schemes?: readonly string[];
  readonly ports?: readonly (number | readonly [number, number])[];
}

/** The string criteria, as events.json lists them. */
export const STRING_CRITERIA = [
  'hostContains', 'hostEquals', 'hostPrefix', 'hostSuffix',
  'pathContains', 'pathEquals', 'pathPrefix', 'pathSuffix',
  'queryContains', 'queryEquals', 'queryPrefix', 'querySuffix',
  'urlContains', 'urlEquals', 'urlMatches', 'originAndPathMatches', 'urlPrefix', 'urlSuffix',
] as const;

type StringCriterion = (typeof STRING_CRITERIA)[number];

interface Parts {
  readonly host: string;
  readonly path: string;
  readonly query: string;
  /** The URL without fragment, user name and password. */
  readonly full: string;
  /** The URL without query and fragment. */
  readonly originAndPath: string;
  readonly scheme: string;
  readonly port: number;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'ftp:': 21 };

function partsOf(url: string): Parts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  const full = parsed.href;
  const query = parsed.search.slice(1);
  parsed.search = '';
  return {
    host: parsed.hostname,
    path: parsed.pathname,
    query,
    full,
    originAndPath: parsed.href,
    scheme: parsed.protocol.slice(0, -1),
    port: parsed.port === '' ? (DEFAULT_PORTS[parsed.protocol] ?? -1) : Number(parsed.port),
  };
}

function holds(criterion: StringCriterion, value: string, parts: Parts): boolean {
  switch (criterion) {
    // events.json promises an implicit dot before the host; Chromium 156 matches hostContains '.a' on no a.test URL.
    case 'hostContains':
      return parts.host.includes(value);
    case 'hostEquals':
      return parts.host === value;
    case 'hostPrefix':
      return parts.host.startsWith(value);
    case 'hostSuffix':
      return parts.host.endsWith(value);
    case 'pathContains':
      return parts.path.includes(value);
    case 'pathEquals':
      return parts.path === value;
    case 'pathPrefix':
      return parts.path.startsWith(value);
    case 'pathSuffix':
      return parts.path.endsWith(value);
    case 'queryContains':
      return parts.query.includes(value);
    // A leading '?' is the query's separator (queryPrefix '?q' matches ?q=1 in Chromium 156).
    case 'queryEquals':
      return parts.query === value.replace(/^\?/, '');
    case 'queryPrefix':
      return parts.query.startsWith(value.replace(/^\?/, ''));
    case 'querySuffix':
      return parts.query.endsWith(value);
    case 'urlContains':
      return parts.full.includes(value);
    case 'urlEquals':
      return parts.full === value;
    case 'urlPrefix':
      return parts.full.startsWith(value);
    case 'urlSuffix':
      return parts.full.endsWith(value);
    // RE2's PartialMatch: the expression may match anywhere.
    case 'urlMatches':
      return new RegExp(value).test(parts.full);
    case 'originAndPathMatches':
      return new RegExp(value).test(parts.originAndPath);
  }
}

/** Whether `url` meets every criterion of `filter`. */
export function urlFilterMatches(filter: UrlFilter, url: string): boolean {
  const parts = partsOf(url);
  if (!parts) return false;
  for (const criterion of STRING_CRITERIA) {
    const value = filter[criterion];
    if (value !== undefined && !holds(criterion, value, parts)) return false;
  }
  if (filter.schemes && !filter.schemes.includes(parts.scheme)) return false;
  if (filter.ports && !filter.ports.some((port) => (typeof port === 'number' ? port === parts.port : port[0] <= parts.port && parts.port <= port[1]))) {
    return false;
  }
  return true;
}

/** An event filter's `url` list: absent or empty matches every URL, else any one of its UrlFilters must. */
export function eventUrlFilterMatches(filters: readonly UrlFilter[] | undefined, url: string): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some((filter) => urlFilterMatches(filter, url));
}
