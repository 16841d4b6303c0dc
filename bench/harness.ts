/**
 * Timing with tinybench: one Bench per measurement, one task, its median (p50) sample.
 * `gc` and `heapUsed` are for the memory workloads, which need `node --expose-gc`.
 */
import { Bench } from 'tinybench';

export interface TimingOptions {
  /** Minimum measured samples (tinybench `iterations`). */
  readonly iterations: number;
  /** Minimum measuring time in milliseconds (tinybench `time`). Default: 0, iterations alone decide. */
  readonly time?: number;
  /** Warm-up calls before measuring. Default: max(5, iterations / 10). */
  readonly warmupIterations?: number;
  /** Runs before each sample, outside the timed call (tinybench `beforeEach`). */
  readonly beforeEach?: () => void | Promise<void>;
  /** Runs after each sample, outside the timed call (tinybench `afterEach`). */
  readonly afterEach?: () => void | Promise<void>;
}

export interface Timing {
  /** The median sample, in milliseconds. */
  readonly medianMs: number;
  readonly samples: number;
}

/** The median duration of one call of `task`, which may be asynchronous. */
export async function timeTask(name: string, task: () => unknown, options: TimingOptions): Promise<Timing> {
  const bench = new Bench({
    name,
    iterations: options.iterations,
    time: options.time ?? 0,
    warmupIterations: options.warmupIterations ?? Math.max(5, Math.ceil(options.iterations / 10)),
    warmupTime: 0,
  });
  const hooks = {
    ...(options.beforeEach ? { beforeEach: options.beforeEach } : {}),
    ...(options.afterEach ? { afterEach: options.afterEach } : {}),
  };
  bench.add(name, task, { async: true, ...hooks });
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state === 'errored') throw result.error;
  if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') throw new Error(`${name}: ${result.state}`);
  return { medianMs: result.latency.p50, samples: result.latency.samplesCount };
}

/**
 * Several tasks timed in alternating rounds, each round a timeTask of `iterations / rounds`: this
 * machine's speed drifts by 2x over seconds, and alternating gives every task the same share of
 * fast and slow moments, so their ratios hold. Each task's result is the median of its rounds' medians.
 */
export async function timeInterleaved<K extends string>(
  tasks: Readonly<Record<K, () => unknown>>,
  options: TimingOptions & { readonly rounds?: number },
): Promise<Record<K, Timing>> {
  const rounds = options.rounds ?? 5;
  const perRound = { ...options, iterations: Math.max(1, Math.ceil(options.iterations / rounds)) };
  const medians = new Map<K, number[]>();
  let samples = 0;
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(tasks) as K[]) {
      const timing = await timeTask(`${name} (round ${round + 1})`, tasks[name], perRound);
      samples += timing.samples;
      medians.set(name, [...(medians.get(name) ?? []), timing.medianMs]);
    }
  }
  const result = {} as Record<K, Timing>;
  for (const [name, values] of medians) {
    values.sort((a, b) => a - b);
    result[name] = { medianMs: values[values.length >> 1]!, samples: Math.round(samples / medians.size) };
  }
  return result;
}

const collect = (globalThis as { gc?: () => void }).gc;

/** A full garbage collection; fails unless node runs with --expose-gc. */
export function gc(): void {
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  collect();
  collect();
}

/** Bytes of live JavaScript heap after a full collection. */
export function heapUsedAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Resolves after one turn of the event loop: the hop every cross-context message takes. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
