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
import { SamplesMissingError, loadScenario } from '../src/conformance/scenario.ts';
import { switchboardEngine } from '../src/conformance/switchboard-engine.ts';
import { compareTraces, formatTrace } from '../src/conformance/trace.ts';

const PROJECT = new URL('../', import.meta.url).pathname;
/** The scenario folders in a folder of the project. */
const scenariosIn = (folder: string): string[] =>
  readdirSync(join(PROJECT, folder))
    .filter((name) => existsSync(join(PROJECT, folder, name, 'scenario.json')))
    .map((name) => `${folder}/${name}`)
    .sort();

/** Every scenario under conformance/, Google's samples under conformance/real-world/, and the bundled example. */
const scenarios = [...scenariosIn('conformance'), ...scenariosIn('conformance/real-world'), 'examples/seed'];

/** A real-world scenario runs a public repository's extensions, which are not copied here. */
function samplesMissing(name: string): string | undefined {
  try {
    loadScenario(join(PROJECT, name));
    return undefined;
  } catch (error) {
    if (error instanceof SamplesMissingError) return error.message;
    throw error;
  }
}

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

// One scenario at a time: two Chromiums on this 2-core machine make Chrome's own timing the test.
describe('conformance: Switchboard observes what Chromium observes', { concurrency: 1 }, () => {
  const skip = chromiumMissing();
  it('the suite has scenarios', () => assert.ok(scenarios.length > 0));
  for (const name of scenarios) {
    it(name, { skip: skip ?? samplesMissing(name) }, async (t) => {
      const scenario = loadScenario(join(PROJECT, name));
      const actual = await runScenario(scenario, switchboardEngine);
      // Chromium itself races on this 2-core machine now and then (a worker's first console calls
      // made before DevTools attached to it, a load that outlasts a wait): a scenario that differs,
      // or that Chromium could not run, runs in Chromium once more, and the first outcome is reported.
      let expected;
      let differences: string[];
      try {
        expected = await runScenario(scenario, chromiumEngine);
        differences = compareTraces(expected.trace, actual.trace);
      } catch (error) {
        differences = [`Chromium could not run it: ${(error as Error).message}`];
      }
      if (differences.length > 0 && scenario.knownDifference === undefined) {
        t.diagnostic(`first Chromium run differed, run again: ${differences.join(' | ')}`);
        expected = await runScenario(scenario, chromiumEngine);
        differences = compareTraces(expected.trace, actual.trace);
      }
      if (!expected) throw new Error('Chromium did not run the scenario');
      assert.ok(Object.keys(expected.trace.sources).length > 0, `Chromium observed nothing:\n${formatTrace(expected.trace)}`);
      if (scenario.knownDifference !== undefined) {
        // A real extension that still differs, for the reason its scenario gives: once it no longer
        // differs, the scenario must say so.
        assert.notDeepEqual(differences, [], `${name} is identical now: remove its knownDifference ("${scenario.knownDifference}")`);
        return;
      }
      assert.deepEqual(differences, [], `${name} differs:\n${differences.join('\n')}`);
    });
  }
});
