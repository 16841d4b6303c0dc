/**
 * What a scenario run observed, in a canonical form two engines can be compared on.
 *
 * Contexts report with one call, `console.log('@sb', label, value)`. Each engine records, for every
 * such call, its source — `service worker <extension>` or `tab <n>` (every frame and world of that
 * tab) — the label, and the value as JSON.stringify gives it in the reporting context. Order is
 * kept within a source, since one source is one thread in Chrome; across sources it is not
 * compared, since Chrome does not fix it.
 *
 * The bindings' own console errors in tabs are recorded as well (bindingsConsoleError).
 *
 * Normalisation replaces what differs between runs and engines by stable names: extension ids by
 * the scenario's extension names, document ids and tab and window ids by their order of first
 * appearance, subframe ids likewise (0, the main frame, stays), and a tab's size, access time and loading status (which depend on timing inside
 * Chrome, not on any rule) by placeholders.
 */

import { errorInEventHandler, uncheckedLastError } from '../core/errors.ts';

/** The marker that makes a console message an observation. */
export const REPORT_MARKER = '@sb';

/** The label of the bindings' own console errors when they are recorded (see bindingsConsoleError). */
export const CONSOLE_ERROR_LABEL = 'console.error';

const BINDINGS_ERROR_PREFIXES = [uncheckedLastError(''), errorInEventHandler('')];

/**
 * The extension bindings' own console errors in a tab (uncheckedLastError and errorInEventHandler
 * in errors.ts) are observations too, first line only (the stack that follows
 * differs between engines). Service workers' are not: Chromium logs them where Playwright does
 * not look.
 */
export function bindingsConsoleError(text: string): string | undefined {
  const line = text.split('\n', 1)[0]!;
  return BINDINGS_ERROR_PREFIXES.some((prefix) => line.startsWith(prefix)) ? line : undefined;
}

/** A view's source in a trace: "popup main", "side panel main", "offscreen document main". */
export const VIEW_SOURCES = { popup: 'popup', side_panel: 'side panel', offscreen_document: 'offscreen document' } as const;

export interface Observation {
  readonly source: string;
  readonly label: string;
  /** The value's JSON text; undefined when the value was undefined (or had no JSON form). */
  readonly json: string | undefined;
}

/** One observation after normalisation: its label and its value's JSON ("undefined" for none). */
export interface TraceEntry {
  readonly label: string;
  readonly value: string;
}

/** Source → its observations, ids normalised. */
export interface Trace {
  readonly sources: Readonly<Record<string, readonly TraceEntry[]>>;
}

export interface NormalizeOptions {
  /** Extension name → its id in this run. */
  readonly extensionIds: ReadonlyMap<string, string>;
  /** Sources compared as sorted lists (their order is not fixed in Chrome). */
  readonly unordered?: readonly string[];
}

const DOCUMENT_ID = /\b[0-9A-F]{32}\b/g;
const TAB_ID_KEYS = new Set(['tabId', 'openerTabId']);

export function normalizeTrace(observations: readonly Observation[], options: NormalizeOptions): Trace {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  const stable = (kind: string, raw: string | number): string => {
    const key = `${kind}:${raw}`;
    let name = names.get(key);
    if (name === undefined) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      name = `<${kind} ${n}>`;
      names.set(key, name);
    }
    return name;
  };
  const replaceIds = (text: string): string => {
    let out = text;
    for (const [name, id] of options.extensionIds) out = out.split(id).join(`<${name}>`);
    return out.replace(DOCUMENT_ID, (id) => stable('document', id));
  };
  const walk = (value: unknown, key: string | undefined, parent: Record<string, unknown> | undefined): unknown => {
    const isTab = parent !== undefined && 'windowId' in parent && 'index' in parent;
    // A tab's loading status when a message leaves depends on timing inside Chrome, not on any rule.
    if (isTab && key === 'status') return '<status>';
    if (typeof value === 'string') return replaceIds(value);
    if (typeof value === 'number') {
      if (key !== undefined && (TAB_ID_KEYS.has(key) || (key === 'id' && isTab))) return stable('tab', value);
      // Chrome numbers subframes with browser-wide counters; only "0 is the main frame" is a rule.
      if (key === 'frameId' && value > 0) return stable('frame', value);
      if (key === 'windowId') return stable('window', value);
      if (isTab && key === 'lastAccessed') return '<time>';
      if (isTab && (key === 'width' || key === 'height')) return '<size>';
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, undefined, undefined));
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      // defineProperty, so that an own "__proto__" key stays a key, as JSON.parse made it.
      for (const [k, v] of Object.entries(record)) {
        Object.defineProperty(out, k, { value: walk(v, k, record), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };

  const sources: Record<string, TraceEntry[]> = {};
  // Ids are numbered source by source, each in its own order: the order in which sources' reports
  // interleave depends on timing inside Chrome, and must not decide which tab is <tab 1>.
  const bySource = [...observations].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  for (const observation of bySource) {
    const value = observation.json === undefined ? 'undefined' : JSON.stringify(walk(JSON.parse(observation.json), undefined, undefined));
    (sources[replaceIds(observation.source)] ??= []).push({ label: replaceIds(observation.label), value });
  }
  for (const source of options.unordered ?? []) sources[source]?.sort((a, b) => entryText(a).localeCompare(entryText(b)));
  const ordered: Record<string, TraceEntry[]> = {};
  for (const source of Object.keys(sources).sort()) ordered[source] = sources[source]!;
  return { sources: ordered };
}

/** The differences between two traces, first ones first; empty when they are identical. */
export function compareTraces(expected: Trace, actual: Trace, names = { expected: 'chromium', actual: 'switchboard' }): string[] {
  const differences: string[] = [];
  const sources = [...new Set([...Object.keys(expected.sources), ...Object.keys(actual.sources)])].sort();
  for (const source of sources) {
    const a = (expected.sources[source] ?? []).map(entryText);
    const b = (actual.sources[source] ?? []).map(entryText);
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) {
      if (a[i] === b[i]) continue;
      differences.push(
        `${source} #${i + 1}:\n    ${names.expected.padEnd(11)} ${a[i] ?? '(nothing)'}\n    ${names.actual.padEnd(11)} ${b[i] ?? '(nothing)'}`,
      );
      break;
    }
  }
  return differences;
}

function entryText(entry: TraceEntry): string {
  return `${entry.label} ${entry.value}`;
}

/** A trace as lines a person reads at a glance: each source, then its labels in a column and their values. */
export function formatTrace(trace: Trace): string {
  const lines: string[] = [];
  for (const [source, entries] of Object.entries(trace.sources)) {
    lines.push(source);
    const width = Math.max(...entries.map((entry) => entry.label.length));
    for (const entry of entries) lines.push(`  ${entry.label.padEnd(width)}  ${entry.value === 'undefined' ? '' : entry.value}`.trimEnd());
  }
  return lines.join('\n');
}
