/** One line of the results table: a workload's medians on each implementation. */

/** A value, or why there is none (the implementation cannot express the workload, or was not run). */
export type Cell = { readonly value: number } | { readonly missing: string };

export interface Row {
  /** Stable key, e.g. "one-time". */
  readonly id: string;
  /** What is measured, as the table prints it. */
  readonly workload: string;
  readonly unit: string;
  /** Whether a smaller value is better (a time) or a larger one (a rate). */
  readonly better: 'lower' | 'higher';
  readonly switchboard: number;
  readonly chromium: Cell;
  readonly floor: Cell;
  /** The peer that can express the workload, by name. */
  readonly peer: Cell & { readonly name: string };
  /** The same workload between unsealed contexts (in-code scripts in the host realm), timed in the same rounds. */
  readonly unsealed?: number;
  /** How the numbers were taken, where the table alone does not say. */
  readonly note?: string;
}

export const value = (v: number): Cell => ({ value: v });
export const missing = (why: string): Cell => ({ missing: why });

/** Switchboard's value divided by the other's, or undefined when there is no other. */
export function ratio(row: Row, other: Cell): number | undefined {
  return 'value' in other && other.value !== 0 ? row.switchboard / other.value : undefined;
}

/** How many times better Switchboard is than `other` (>1: Switchboard better), whichever way the unit runs. */
export function advantage(row: Row, other: Cell): number | undefined {
  const r = ratio(row, other);
  if (r === undefined) return undefined;
  return row.better === 'lower' ? 1 / r : r;
}

/** Per-iteration results the Chromium extensions report, by workload id. */
export type ChromiumResults = ReadonlyMap<string, Readonly<Record<string, number>>>;

/** What every workload gets: the Chromium numbers measured before it (if Chromium ran). */
export interface WorkloadContext {
  readonly chromium: ChromiumResults;
  /** Why Chromium has no numbers at all, when it did not run. */
  readonly chromiumMissing?: string;
  /** Scales iteration counts: 1 for the full run, smaller for a quick check. */
  readonly scale: number;
}

/** A Chromium number for `id`/`key`, or why there is none. */
export function chromiumCell(context: WorkloadContext, id: string, key: string): Cell {
  const result = context.chromium.get(id);
  const found = result?.[key];
  if (found !== undefined) return value(found);
  return missing(context.chromiumMissing ?? `no Chromium result for ${id}.${key}`);
}

export const iterations = (context: WorkloadContext, n: number, min = 5): number => Math.max(min, Math.round(n * context.scale));
