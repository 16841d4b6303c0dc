/**
 * An engine runs a scenario and reports what its contexts observed. Both engines — Switchboard and
 * real Chromium — implement the same few primitive operations (a Driver); the steps themselves are
 * carried out here, once, so that the two engines cannot read a scenario differently.
 */
import { resolveStepUrl, tabNumber, type Scenario, type Step } from './scenario.ts';
import { normalizeTrace, type Observation, type Trace } from './trace.ts';

export interface Driver {
  /** Extension name → id, known once the extensions are installed. */
  readonly extensionIds: ReadonlyMap<string, string>;
  readonly observations: readonly Observation[];
  /** How long "quiet" means no new observation, in milliseconds (QUIET_MS in both engines). */
  readonly quietMs: number;
  openTab(url: string, tab: number): Promise<void>;
  navigate(tab: number, url: string): Promise<void>;
  reload(tab: number): Promise<void>;
  back(tab: number): Promise<void>;
  forward(tab: number): Promise<void>;
  close(tab: number): Promise<void>;
  reloadExtension(name: string): Promise<void>;
  /** Stops the extension's service worker now (after the reports already made are recorded); resolves once it is stopped. */
  stopWorker(name: string): Promise<void>;
  /**
   * Lets the extension's service worker idle until the browser stops it (30 s after its last event
   * or API call); resolves once it is stopped, fails if it still runs after IDLE_STOP_LIMIT_MS.
   */
  waitForIdleStop(name: string): Promise<void>;
  /** A user's click on the extension's toolbar action, over that tab. */
  clickAction(name: string, tab: number): Promise<void>;
  /** A user gesture no DevTools command makes (a context menu item, the omnibox, a command's keys). */
  gesture(gesture: UserGesture): Promise<void>;
  /**
   * Evaluates `expression` in a context named as an evaluate step names it, awaiting a promise;
   * resolves with its value's JSON text (undefined for none).
   */
  evaluate(where: string, expression: string): Promise<string | undefined>;
  /** Resolves when whatever is in flight inside the engine has settled (messages, tasks). */
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export type UserGesture =
  | { readonly kind: 'contextMenu'; readonly extension: string; readonly id: string; readonly tab: number }
  | { readonly kind: 'omnibox'; readonly extension: string; readonly type?: string; readonly enter?: string }
  | { readonly kind: 'command'; readonly extension: string; readonly command: string; readonly tab: number };

export interface Engine {
  readonly name: 'switchboard' | 'chromium';
  /** Starts the engine with the scenario's extensions and sites. */
  start(scenario: Scenario): Promise<Driver>;
}

export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly engine: Engine['name'];
  readonly trace: Trace;
  readonly observations: readonly Observation[];
  readonly milliseconds: number;
}

/**
 * "Quiet" is the same span in both engines, so that a timer in extension code either fires within
 * it in both or in neither: a scenario must not rely on anything slower.
 */
export const QUIET_MS = 400;

/** The longest a "waitFor" step waits before the run fails. */
const WAIT_FOR_TIMEOUT_MS = 10_000;

/** How long a "waitForIdleStop" step waits for the worker to stop before the run fails: the 30 s idle timeout, and the timers a scenario may keep it busy with for a while first. */
export const IDLE_STOP_LIMIT_MS = 90_000;

export async function runScenario(scenario: Scenario, engine: Engine): Promise<ScenarioRun> {
  const started = performance.now();
  const driver = await engine.start(scenario);
  const harness: Observation[] = [];
  try {
    let opened = 0;
    for (const [index, step] of scenario.steps.entries()) {
      try {
        opened = await runStep(driver, step, opened, harness, scenario);
      } catch (error) {
        throw new Error(`${scenario.name}: steps[${index}] ${JSON.stringify(step)} failed on ${engine.name}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    await waitForQuiet(driver);
    const observations = [...driver.observations, ...harness];
    const trace = normalizeTrace(observations, { extensionIds: driver.extensionIds, unordered: scenario.unordered });
    const run = { scenario, engine: engine.name, trace, observations, milliseconds: performance.now() - started };
    await driver.dispose();
    return run;
  } catch (error) {
    // The step's failure is the one to report, not what disposing of a half-made run throws.
    await driver.dispose().catch(() => undefined);
    throw error;
  }
}

async function runStep(driver: Driver, step: Step, opened: number, harness: Observation[], scenario: Scenario): Promise<number> {
  const url = (u: string): string =>
    resolveStepUrl(u, (name) => {
      const id = driver.extensionIds.get(name);
      if (id === undefined) throw new Error(`no extension named "${name}"`);
      return id;
    });
  const tab = (ref: number | 'last' | undefined): number => {
    const n = tabNumber(ref, opened);
    if (n < 1 || n > opened) throw new Error(`there is no tab ${n} (${opened} opened so far)`);
    return n;
  };
  if ('open' in step) {
    await driver.openTab(url(step.open), opened + 1);
    return opened + 1;
  }
  if ('navigate' in step) await driver.navigate(tab(step.tab), url(step.navigate));
  else if ('reload' in step) await driver.reload(tab(step.reload));
  else if ('back' in step) await driver.back(tab(step.back));
  else if ('forward' in step) await driver.forward(tab(step.forward));
  else if ('close' in step) await driver.close(tab(step.close));
  else if ('reloadExtension' in step) await driver.reloadExtension(step.reloadExtension);
  else if ('stopWorker' in step) {
    await driver.settle();
    await driver.stopWorker(step.stopWorker);
  }
  else if ('waitForIdleStop' in step) {
    await driver.settle();
    await driver.waitForIdleStop(step.waitForIdleStop);
  }
  else if ('clickAction' in step) await driver.clickAction(step.clickAction, tab(step.tab));
  else if ('clickContextMenu' in step) await driver.gesture({ kind: 'contextMenu', extension: step.clickContextMenu, id: step.id, tab: tab(step.tab) });
  else if ('omnibox' in step) await driver.gesture({ kind: 'omnibox', extension: step.omnibox, type: step.type, enter: step.enter });
  else if ('pressCommand' in step) await driver.gesture({ kind: 'command', extension: step.pressCommand, command: step.command, tab: tab(step.tab) });
  else if ('evaluate' in step) {
    const where = step.in ?? `service worker ${[...scenario.extensions.keys()][0]}`;
    await driver.settle();
    const json = await driver.evaluate(where, step.evaluate);
    harness.push({ source: 'harness', label: step.label ?? step.evaluate, json });
  }
  else if ('wait' in step) {
    if (step.wait === 'quiet') await waitForQuiet(driver);
    else await sleep(step.wait);
  } else if ('waitFor' in step) await waitFor(driver, step.waitFor, step.count ?? 1);
  return opened;
}

/** Until the engine has settled and no observation arrived for `quietMs`. */
async function waitForQuiet(driver: Driver): Promise<void> {
  for (;;) {
    const before = driver.observations.length;
    await driver.settle();
    await sleep(driver.quietMs);
    await driver.settle();
    if (driver.observations.length === before) return;
  }
}

async function waitFor(driver: Driver, label: string, count: number): Promise<void> {
  const deadline = performance.now() + WAIT_FOR_TIMEOUT_MS;
  for (;;) {
    await driver.settle();
    if (driver.observations.filter((o) => o.label === label).length >= count) return;
    if (performance.now() > deadline) {
      throw new Error(`waited ${WAIT_FOR_TIMEOUT_MS} ms for ${count} observation(s) labelled "${label}"`);
    }
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
