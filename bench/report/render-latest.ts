/** Re-renders bench/results/latest.svg from latest.json, without measuring again. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from '../row.ts';
import { renderChart } from './chart.ts';

const dir = join(import.meta.dirname, '..', 'results');
const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf8')) as { rows: Row[]; date: string; node: string; cpus: number; loadAverage: { start: string } };
const subtitle = `${latest.date.slice(0, 10)} · node ${latest.node} · ${latest.cpus} CPUs · load ${latest.loadAverage.start}`;
writeFileSync(join(dir, 'latest.svg'), await renderChart(latest.rows, subtitle));
