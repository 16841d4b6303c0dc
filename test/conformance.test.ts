/**
 * The conformance suite: every scenario under conformance/ runs in real Chromium and in
 * Switchboard, and what the contexts observed must be identical.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chromiumEngine } from '../src/chromium/chromium-engine.ts';
import { ChromiumMissingError, chromiumExecutable } from '../src/chromium/executable.ts';
import { runScenario } from '../src/conformance/engine.ts';
import { loadScenario } from '../src/conformance/scenario.ts';
import { switchboardEngine } from '../src/conformance/switchboard-engine.ts';
import { compareTraces, formatTrace } from '../src/conformance/trace.ts';

const PROJECT = new URL('../', import.meta.url).pathname;
/** Every scenario folder under conformance/, and the bundled example that `npm start` runs. */
const scenarios = [
  ...readdirSync(join(PROJECT, 'conformance'))
    .filter((name) => existsSync(join(PROJECT, 'conformance', name, 'scenario.json')))
    .map((name) => `conformance/${name}`)
    .sort(),
  'examples/seed',
];

function chromiumMissing(): string | undefined {
  try {
    chromiumExecutable();
    return undefined;
  } catch (error) {
    if (!(error instanceof ChromiumMissingError)) throw error;
    if (process.env.CI) throw error;
    return error.message;
  }
}

describe('conformance: Switchboard observes what Chromium observes', { concurrency: 2 }, () => {
  const skip = chromiumMissing();
  it('the suite has scenarios', () => assert.ok(scenarios.length > 0));
  for (const name of scenarios) {
    it(name, { skip }, async () => {
      const scenario = loadScenario(join(PROJECT, name));
      const expected = await runScenario(scenario, chromiumEngine);
      const actual = await runScenario(scenario, switchboardEngine);
      assert.ok(Object.keys(expected.trace.sources).length > 0, `Chromium observed nothing:\n${formatTrace(expected.trace)}`);
      const differences = compareTraces(expected.trace, actual.trace);
      assert.deepEqual(differences, [], `${name} differs:\n${differences.join('\n')}`);
    });
  }
});
