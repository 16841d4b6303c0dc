import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromiumEngine } from '../src/chromium/chromium-engine.ts';
import { chromiumExecutable } from '../src/chromium/executable.ts';
import { runScenario } from '../src/conformance/engine.ts';
import { loadScenario } from '../src/conformance/scenario.ts';
import { switchboardEngine } from '../src/conformance/switchboard-engine.ts';

function chromiumMissing(): string | undefined {
  try {
    chromiumExecutable();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const scenario = loadScenario(fileURLToPath(new URL('fixtures/scenarios/user-gestures', import.meta.url)));

describe('scenario steps for the gestures no DevTools command makes', () => {
  it('Switchboard chooses a context menu item, types and enters in the omnibox, and presses a command', async () => {
    const run = await runScenario(scenario, switchboardEngine);
    assert.deepEqual(run.trace.sources['service worker main'], [
      { label: 'menu', value: '["item","http://a.test/index.html",0]' },
      { label: 'typed', value: '"hel"' },
      { label: 'entered', value: '["hello","currentTab"]' },
      { label: 'command', value: '["do-it",0]' },
    ]);
  });

  it("Chromium's harness refuses them, naming what it cannot do", { skip: chromiumMissing() }, async () => {
    await assert.rejects(runScenario(scenario, chromiumEngine), /cannot choose a context menu item: no DevTools command does it/);
  });
});
