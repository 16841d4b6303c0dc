/** The results table: medians per implementation, and Switchboard's ratio to each. */
import { ratio, type Cell, type Row } from '../row.ts';

function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 100_000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  if (abs === 0) return '0';
  return n.toPrecision(2);
}

function formatRatio(r: number | undefined): string {
  if (r === undefined) return '—';
  if (r >= 100) return `${r.toFixed(0)}×`;
  if (r >= 10) return `${r.toFixed(1)}×`;
  if (r >= 0.01) return `${r.toFixed(2)}×`;
  return `${r.toPrecision(2)}×`;
}

const cell = (c: Cell): string => ('value' in c ? formatNumber(c.value) : 'n/a');

export const TABLE_HEADER = ['workload', 'unit', 'Switchboard', 'Chromium', 'floor', 'peer', 'SB/Chromium', 'SB/floor', 'SB/peer'];

/** The table's cells, row by row (strings, as printed). */
export function tableCells(rows: readonly Row[]): string[][] {
  return rows.map((row) => [
    row.workload,
    `${row.unit} ${row.better === 'lower' ? '↓' : '↑'}`,
    formatNumber(row.switchboard),
    cell(row.chromium),
    cell(row.floor),
    'value' in row.peer ? `${formatNumber(row.peer.value)} (${row.peer.name})` : 'n/a',
    formatRatio(ratio(row, row.chromium)),
    formatRatio(ratio(row, row.floor)),
    formatRatio(ratio(row, row.peer)),
  ]);
}

/** A Markdown table (stdout and README both use it). */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [TABLE_HEADER, TABLE_HEADER.map(() => '---'), ...tableCells(rows)];
  return lines.map((cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`).join('\n');
}

/** Why cells are n/a, once per distinct reason. */
export function missingReasons(rows: readonly Row[]): string[] {
  const reasons = new Set<string>();
  for (const row of rows) {
    for (const [who, c] of [['Chromium', row.chromium], ['floor', row.floor], ['peer', row.peer]] as const) {
      if ('missing' in c) reasons.add(`${who}: ${c.missing}`);
    }
  }
  return [...reasons];
}
