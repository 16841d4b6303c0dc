/** The targets, checked against one run's rows. */
import { ratio, type Row } from './row.ts';

export interface TargetCheck {
  readonly target: string;
  readonly met: boolean | undefined;
  readonly detail: string;
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? 'n/a' : n.toFixed(digits));

/**
 * Chromium as the issue measured it on a quiet machine of this kind. Chromium measured in the same
 * run is often slower (a loaded machine), which would flatter Switchboard: the targets hold against both.
 */
export const CHROMIUM_REFERENCE = { oneTimeMs: 0.9, kibMessagesPerSecond: 22_000 } as const;

export function checkTargets(rows: readonly Row[]): TargetCheck[] {
  const row = (id: string): Row | undefined => rows.find((r) => r.id === id);
  const checks: TargetCheck[] = [];
  const oneTime = row('one-time');
  if (oneTime) {
    const vsChromium = ratio(oneTime, oneTime.chromium);
    checks.push({
      target: 'one-time round trip ≥ 100× faster than Chromium',
      met: vsChromium === undefined ? undefined : 1 / vsChromium >= 100,
      detail: `${fmt(vsChromium === undefined ? undefined : 1 / vsChromium, 0)}× faster`,
    });
    const vsReference = (CHROMIUM_REFERENCE.oneTimeMs * 1000) / oneTime.switchboard;
    checks.push({
      target: `one-time round trip ≥ 100× faster than Chromium's ${CHROMIUM_REFERENCE.oneTimeMs} ms on a quiet machine`,
      met: vsReference >= 100,
      detail: `${fmt(vsReference, 0)}× faster`,
    });
    const vsFloor = ratio(oneTime, oneTime.floor);
    checks.push({ target: 'one-time round trip within 3× the floor', met: vsFloor === undefined ? undefined : vsFloor <= 3, detail: `${fmt(vsFloor)}× the floor` });
  }
  const kib = row('throughput-1kib');
  if (kib) {
    const r = ratio(kib, kib.chromium);
    checks.push({ target: '1 KiB port throughput ≥ 20× Chromium', met: r === undefined ? undefined : r >= 20, detail: `${fmt(r)}× Chromium` });
    const vsReference = kib.switchboard / CHROMIUM_REFERENCE.kibMessagesPerSecond;
    checks.push({
      target: `1 KiB port throughput ≥ 20× Chromium's ${CHROMIUM_REFERENCE.kibMessagesPerSecond.toLocaleString('en-US')} msg/s on a quiet machine`,
      met: vsReference >= 20,
      detail: `${fmt(vsReference)}× that`,
    });
  }
  const cold = row('cold-start');
  if (cold) checks.push({ target: 'cold start to first answered message < 5 ms', met: cold.switchboard < 5, detail: `${fmt(cold.switchboard, 2)} ms` });
  for (const what of ['time', 'memory'] as const) {
    const small = row(`tabs-1000-${what}`);
    const large = row(`tabs-10000-${what}`);
    if (small && large) {
      const growth = large.switchboard / small.switchboard;
      checks.push({
        target: `${what} linear in the number of tabs (per-tab cost at 10,000 within 1.5× of that at 1,000)`,
        met: growth <= 1.5,
        detail: `${fmt(small.switchboard, 2)} → ${fmt(large.switchboard, 2)} ${large.unit} (${fmt(growth, 2)}×)`,
      });
    }
  }
  const heap = row('churn-heap');
  if (heap) checks.push({ target: 'heap flat across 100,000 connect/disconnect cycles (< 1 MiB growth)', met: heap.switchboard < 1024, detail: `${fmt(heap.switchboard, 0)} KiB` });
  for (const size of ['small', 'large'] as const) {
    const native = row(`native-${size}`) ?? row(`native-codec-${size}`);
    if (!native) continue;
    const r = ratio(native, native.chromium);
    checks.push({
      target: `native echo (${size === 'small' ? 'small' : '512 KiB'}) at least as fast as Chromium's own native messaging [${native.id}]`,
      met: r === undefined ? undefined : r <= 1,
      detail: `${fmt(r, 2)}× Chromium's time`,
    });
  }
  return checks;
}
