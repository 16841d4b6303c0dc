/**
 * The chart beside latest.json: for each workload, how many times better Switchboard is than
 * Chromium, the floor and the peer (log scale; right of the line at 1× Switchboard is better,
 * left of it worse), rendered to SVG with vega-lite and vega.
 */
import { None, View, logger, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { advantage, type Row } from '../row.ts';

interface Bar {
  /** The table's order, for the chart's rows. */
  readonly order: number;
  readonly workload: string;
  readonly against: string;
  readonly advantage: number;
  readonly label: string;
}

function bars(rows: readonly Row[]): Bar[] {
  const out: Bar[] = [];
  for (const [order, row] of rows.entries()) {
    for (const [against, other] of [['Chromium', row.chromium], ['floor', row.floor], [`peer (${row.peer.name})`, row.peer]] as const) {
      const a = advantage(row, other);
      if (a === undefined || !Number.isFinite(a) || a <= 0) continue;
      out.push({ order, workload: row.workload, against, advantage: a, label: a >= 10 ? `${a.toFixed(0)}×` : `${a.toFixed(2)}×` });
    }
  }
  return out;
}

export async function renderChart(rows: readonly Row[], title: string): Promise<string> {
  const data = bars(rows);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Switchboard: how many times better than each (log scale; > 1× is better)', subtitle: title },
    data: { values: data },
    facet: {
      row: {
        field: 'workload',
        type: 'nominal',
        header: { labelAngle: 0, labelAlign: 'left', labelLimit: 420 },
        title: null,
        sort: { field: 'order', op: 'min' },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 460,
      layer: [
        {
          // Each bar runs from the 1× line to the ratio: right of it Switchboard is better, left of it worse.
          mark: { type: 'bar', height: 10 },
          encoding: {
            y: { field: 'against', type: 'nominal', title: null, axis: { labelLimit: 220 } },
            x: { field: 'advantage', type: 'quantitative', scale: { type: 'log', domain: [0.01, 100_000] }, title: 'times better (Switchboard vs …)' },
            x2: { datum: 1 },
            color: { field: 'against', type: 'nominal', legend: null },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
          encoding: {
            y: { field: 'against', type: 'nominal' },
            x: { field: 'advantage', type: 'quantitative' },
            text: { field: 'label', type: 'nominal' },
          },
        },
        { mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
      ],
    },
    config: { font: 'sans-serif' },
  };
  const view = new View(parse(compile(spec, { logger: logger(None) }).spec), { renderer: 'none' });
  return view.toSVG();
}
