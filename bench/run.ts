/**
 * npm run bench: the same workloads on Switchboard, real headless Chromium, the peers and the floor,
 * in one run. Prints a table of medians and ratios, and writes bench/results/latest.json and
 * bench/results/latest.svg.
 *
 *   node --expose-gc --import tsx bench/run.ts [--quick] [--no-chromium] [--only=id,id]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutable } from '../src/chromium/executable.ts';
import { runInChromium } from './chromium/run-in-chromium.ts';
import { renderChart } from './report/chart.ts';
import { markdownTable, missingReasons } from './report/table.ts';
import type { Row, WorkloadContext } from './row.ts';
import { checkTargets } from './targets.ts';
import { connectChurn } from './workloads/churn.ts';
import { coldStart } from './workloads/cold-start.ts';
import { tabOfFiftyFrames } from './workloads/frames.ts';
import { nativeEcho } from './workloads/native-echo.ts';
import { oneTimeRequest } from './workloads/one-time.ts';
import { portPingPong, portThroughput } from './workloads/ports.ts';
import { sealedMessaging } from './workloads/sealed.ts';
import { manyTabs } from './workloads/tabs.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withChromium = !args.includes('--no-chromium');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const selected = (id: string): boolean => !only || only.includes(id);

/** The Chromium folders under bench/chromium, by the workload id they report for. */
const CHROMIUM_WORKLOADS = ['one-time', 'ping-pong', 'throughput-1kib', 'throughput-1mib', 'frames-50', 'churn', 'native-echo'];
const COLD_STARTS = 3;

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function measureChromium(): Promise<{ results: Map<string, Record<string, number>>; missing?: string }> {
  const results = new Map<string, Record<string, number>>();
  try {
    chromiumExecutable();
  } catch (error) {
    return { results, missing: `Chromium not available: ${(error as Error).message.split('\n')[0]}` };
  }
  for (const workload of CHROMIUM_WORKLOADS.filter(selected)) {
    log(`chromium: ${workload}…`);
    try {
      results.set(workload, { ...(await runInChromium(workload)).result });
    } catch (error) {
      log(`chromium: ${workload} failed: ${(error as Error).message}`);
    }
  }
  if (selected('cold-start')) {
    const times: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      log(`chromium: cold-start ${i + 1}/${COLD_STARTS}…`);
      times.push((await runInChromium('cold-start')).elapsedMs);
    }
    times.sort((a, b) => a - b);
    results.set('cold-start', { medianMs: times[times.length >> 1]! });
  }
  return { results };
}

/**
 * Chromium's processes outlive the harness's close by a moment; Switchboard's microsecond timings
 * must not share the CPUs with them. Waits (up to 15 s) until no process of that name is left,
 * then a second more (on Linux; elsewhere, two seconds).
 */
async function waitForChromiumToExit(): Promise<void> {
  const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  if (!existsSync('/proc')) return settle(2000);
  const deadline = Date.now() + 15_000;
  const running = (): boolean =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
      } catch {
        return false;
      }
    });
  while (running() && Date.now() < deadline) await settle(200);
  await settle(1000);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = load();
  log(`load average at start: ${loadAtStart} (${cpus().length} CPUs)`);
  const chromium = withChromium ? await measureChromium() : { results: new Map(), missing: 'not run (--no-chromium)' };
  if (withChromium) await waitForChromiumToExit();
  const context: WorkloadContext = {
    chromium: chromium.results,
    scale: quick ? 0.1 : 1,
    ...(chromium.missing ? { chromiumMissing: chromium.missing } : {}),
  };
  const workloads: [string, () => Promise<Row | Row[]>][] = [
    ['one-time', () => oneTimeRequest(context)],
    ['ping-pong', () => portPingPong(context)],
    ['throughput-1kib', () => portThroughput(context, 1024)],
    ['throughput-1mib', () => portThroughput(context, 1024 * 1024)],
    ['frames-50', () => tabOfFiftyFrames(context)],
    ['tabs', async () => [...(await manyTabs(context, 1000)), ...(await manyTabs(context, 10_000))]],
    ['churn', () => connectChurn(context)],
    ['cold-start', () => coldStart(context)],
    ['native-echo', () => nativeEcho(context)],
    ['sealed', () => sealedMessaging(context)],
  ];
  const rows: Row[] = [];
  for (const [id, run] of workloads) {
    if (!selected(id)) continue;
    log(`switchboard, floor, peers: ${id}…`);
    rows.push(...[await run()].flat());
  }
  const loadAtEnd = load();
  const seconds = (performance.now() - started) / 1000;
  const targets = checkTargets(rows);

  const table = markdownTable(rows);
  const out: string[] = [
    table,
    '',
    '↓ lower is better, ↑ higher is better. SB/x = Switchboard’s median divided by x’s.',
    ...missingReasons(rows).map((reason) => `n/a — ${reason}`),
    '',
    'Targets:',
    ...targets.map((t) => `  ${t.met === undefined ? '?' : t.met ? '✓' : '✗'} ${t.target}: ${t.detail}`),
    '',
    `load average: ${loadAtStart} at start, ${loadAtEnd} at end; ${cpus().length} CPUs; ${seconds.toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);

  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    seconds,
    quick,
  };
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ ...meta, rows, targets, table }, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.svg'), await renderChart(rows, `${meta.date.slice(0, 10)} · node ${meta.node} · ${meta.cpus} CPUs · load ${loadAtStart}`));
  log(`wrote ${join(dir, 'latest.json')} and latest.svg`);
}

await main();
