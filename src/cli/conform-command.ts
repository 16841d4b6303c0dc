/**
 * `switchboard conform <scenario>...`: runs each scenario in real Chromium and in Switchboard and
 * says, per scenario, "identical" or the first differences; then `N/M scenarios identical`. The exit
 * status is 0 only when every scenario is identical.
 */
import { compareTraces } from '../conformance/trace.ts';
import { loadScenario } from '../conformance/scenario.ts';
import { runScenario } from '../conformance/engine.ts';
import { engineNamed } from './engines.ts';

export interface ConformResult {
  readonly name: string;
  readonly identical: boolean;
  readonly differences: readonly string[];
  readonly error?: string;
  /** The scenario's declared known difference, if any. */
  readonly knownDifference?: string;
}

export async function conform(dirs: readonly string[], write: (line: string) => void): Promise<ConformResult[]> {
  const chromium = await engineNamed('chromium');
  const switchboard = await engineNamed('switchboard');
  const results: ConformResult[] = [];
  for (const dir of dirs) {
    let result: ConformResult;
    try {
      const scenario = loadScenario(dir);
      const expected = await runScenario(scenario, chromium);
      const actual = await runScenario(scenario, switchboard);
      const differences = compareTraces(expected.trace, actual.trace);
      result = { name: scenario.name, identical: differences.length === 0, differences, knownDifference: scenario.knownDifference };
    } catch (error) {
      result = { name: dir, identical: false, differences: [], error: (error as Error).message };
    }
    results.push(result);
    if (result.identical) write(`${result.name}: identical`);
    else if (result.error !== undefined) write(`${result.name}: could not run: ${result.error}`);
    else if (result.knownDifference !== undefined) write(`${result.name}: differs, as known: ${result.knownDifference}\n  ${result.differences.join('\n  ')}`);
    else write(`${result.name}: differs\n  ${result.differences.join('\n  ')}`);
  }
  const identical = results.filter((r) => r.identical).length;
  write(`${identical}/${results.length} scenarios identical`);
  return results;
}
