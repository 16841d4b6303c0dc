/**
 * `npm run fuzz`: the fuzz suite at full counts (test/fuzz/properties.ts): 100,000 random messages,
 * 10,000 manifests, 10,000 match patterns and 10,000 native byte streams, each with Chrome's
 * outcome, no host crash and no hang. Ends with a line of counts; exits 1 if any property failed.
 *
 *   npm run fuzz                       the full counts
 *   npm run fuzz -- --scale 0.1        a tenth of them (FUZZ_SCALE=0.1 does the same)
 *   npm run fuzz -- --seed 42          one seed for every property (FUZZ_SEED=42), to replay a run
 */
import { parseArgs } from 'node:util';
import { FUZZ_PROPERTIES, type FuzzUnit } from '../test/fuzz/properties.ts';
import { tally } from '../test/fuzz/watch.ts';

const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' } } });
const scale = Number(values.scale ?? process.env.FUZZ_SCALE ?? 1);
const seedText = values.seed ?? process.env.FUZZ_SEED;
const seed = seedText === undefined ? undefined : Number(seedText);
if (!(scale > 0) || (seed !== undefined && !Number.isInteger(seed))) {
  console.error('usage: npm run fuzz -- [--scale <factor>] [--seed <integer>]');
  process.exit(2);
}

const started = Date.now();
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let failed = 0;
for (const property of FUZZ_PROPERTIES) {
  const runs = Math.max(1, Math.round(property.full * scale));
  const start = Date.now();
  try {
    await property.run(runs, seed === undefined ? {} : { seed });
    console.log(`ok    ${runs} ${property.unit} in ${seconds(start)}: ${property.rule}`);
  } catch (error) {
    failed++;
    console.log(`FAIL  ${property.unit} after ${seconds(start)}: ${property.rule}`);
    console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

const count = (unit: FuzzUnit): number => tally.cases.get(unit) ?? 0;
const crashes = `${tally.crashes} crash${tally.crashes === 1 ? '' : 'es'}`;
const hangs = `${tally.hangs} hang${tally.hangs === 1 ? '' : 's'}`;
console.log(`time: ${seconds(started)}${failed > 0 ? `; ${failed} propert${failed === 1 ? 'y' : 'ies'} failed` : ''}`);
console.log(
  `fuzz: ${count('messages')} messages, ${count('manifests')} manifests, ${count('match patterns')} match patterns, ` +
    `${count('native streams')} native streams: ${crashes}, ${hangs}`,
);
process.exit(failed > 0 || tally.crashes > 0 || tally.hangs > 0 ? 1 : 0);
