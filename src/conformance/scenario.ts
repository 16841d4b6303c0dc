/**
 * A scenario: a folder holding one or more unpacked extensions, the web sites they talk to, and a
 * script of steps. The same folder runs unchanged in Switchboard and in real Chromium; each engine
 * yields a trace of what the contexts observed (see trace.ts). conformance/README.md teaches the
 * format.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a scenario does, one step at a time. Tabs are numbered from 1 in the order they opened. */
export type Step =
  /** Opens a tab. `ext:<name>/<path>` names a page of one of the scenario's extensions. */
  | { readonly open: string }
  | { readonly navigate: string; readonly tab?: number }
  | { readonly reload: number | 'last' }
  | { readonly back: number | 'last' }
  | { readonly forward: number | 'last' }
  | { readonly close: number | 'last' }
  | { readonly reloadExtension: string }
  /** Stops an extension's service worker now, as chrome://serviceworker-internals' Stop does; the next event starts it again. */
  | { readonly stopWorker: string }
  /** Lets an extension's service worker idle until the browser stops it (its 30 s idle timeout); the next event starts it again. */
  | { readonly waitForIdleStop: string }
  /** Clicks an extension's toolbar action over a tab (default: the last one opened): its popup opens, or action.onClicked fires. */
  | { readonly clickAction: string; readonly tab?: number | 'last' }
  /**
   * The user gestures no DevTools command makes, so Switchboard alone runs them (Chromium's harness
   * refuses the scenario): choosing a context menu item in a tab, typing or entering text after the
   * extension's omnibox keyword, pressing a command's keys.
   */
  | { readonly clickContextMenu: string; readonly id: string; readonly tab?: number | 'last' }
  | { readonly omnibox: string; readonly type?: string; readonly enter?: string }
  | { readonly pressCommand: string; readonly command: string; readonly tab?: number | 'last' }
  /**
   * Evaluates an expression (awaited if it gives a promise) in a context — "service worker <name>"
   * (default: the first extension's), "tab <n>", "new tab <n>" (the n-th tab an extension opened),
   * "popup <name>", "side panel <name>" or
   * "offscreen document <name>" — and records its JSON value as an observation of source "harness".
   */
  | { readonly evaluate: string; readonly in?: string; readonly label?: string }
  /** "quiet": until nothing has been observed for a while; a number: that many milliseconds. */
  | { readonly wait: 'quiet' | number }
  /** Until `count` (default 1) observations with this label have been made. */
  | { readonly waitFor: string; readonly count?: number };

export interface Scenario {
  /** The scenario folder's name. */
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  /** Extension name → absolute folder. */
  readonly extensions: ReadonlyMap<string, string>;
  /** Origin (scheme://host, no port) → absolute folder whose files that site serves. */
  readonly sites: ReadonlyMap<string, string>;
  /** Host name (of a native messaging host) → absolute path of its manifest in the scenario (see native-hosts.ts). */
  readonly nativeHosts: ReadonlyMap<string, string>;
  /** Host name → the host program, where the scenario gives it apart from the manifest (absolute). */
  readonly nativeHostPaths: ReadonlyMap<string, string>;
  readonly steps: readonly Step[];
  /**
   * Sources whose observations may arrive in any order in Chrome (several frames in different
   * processes, for instance): they are compared as sorted lists.
   */
  readonly unordered: readonly string[];
  /**
   * "reports" (default): only console.log('@sb', label, value) calls are observations. "all": every
   * console.* call of every context is one too, labelled console.log / console.warn / console.error
   * with the list of its arguments: for real extensions, which report nothing of their own.
   */
  readonly console: 'reports' | 'all';
  /**
   * A real extension whose trace still differs, and why in one line (the Chromium behaviour
   * Switchboard lacks): the suite then requires the difference, so that fixing it updates this.
   */
  readonly knownDifference: string | undefined;
}

/** Where an evaluate step may run. */
export const EVALUATE_TARGET = /^(service worker|popup|side panel|offscreen document) [a-z][a-z0-9-]*$|^(new )?tab [1-9][0-9]*$/;

export class ScenarioError extends Error {
  override readonly name: string = 'ScenarioError';
}

/**
 * The environment variable naming a checkout of a public repository whose extensions a scenario
 * runs unchanged (`"extensions": {"main": "samples:functional-samples/tutorial.custom-cursor"}`):
 * their code is not copied into this project.
 */
export const SAMPLES_VARIABLE = 'SWITCHBOARD_SAMPLES';

/** A scenario names `samples:` paths and SWITCHBOARD_SAMPLES names no checkout holding them. */
export class SamplesMissingError extends ScenarioError {
  override readonly name = 'SamplesMissingError';
}

/** A path of the scenario: relative to its folder, or `samples:<path>` in the samples checkout. */
function scenarioPath(root: string, file: string, path: string): string {
  if (!path.startsWith('samples:')) return resolve(root, path);
  const samples = process.env[SAMPLES_VARIABLE];
  if (!samples || !existsSync(samples)) {
    throw new SamplesMissingError(
      `${file}: runs extensions of a public repository (${path}): set ${SAMPLES_VARIABLE} to a checkout of it (conformance/real-world/README.md says which)`,
    );
  }
  return resolve(samples, path.slice('samples:'.length));
}

const STEP_KINDS = ['open', 'navigate', 'reload', 'back', 'forward', 'close', 'reloadExtension', 'stopWorker', 'waitForIdleStop', 'clickAction', 'clickContextMenu', 'omnibox', 'pressCommand', 'evaluate', 'wait', 'waitFor'] as const;

/** Reads and checks `<dir>/scenario.json`. Every problem is reported with the file and the place. */
export function loadScenario(dir: string): Scenario {
  const root = resolve(dir);
  const file = join(root, 'scenario.json');
  if (!existsSync(file)) throw new ScenarioError(`${file}: not found (a scenario folder holds a scenario.json)`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  const fail = (where: string, problem: string): never => {
    throw new ScenarioError(`${file}: ${where}: ${problem}`);
  };
  if (!isRecord(value)) return fail('top level', 'expected an object');

  const description = value.description ?? '';
  if (typeof description !== 'string') fail('description', 'expected a string');

  const extensions = new Map<string, string>();
  if (!isRecord(value.extensions) || Object.keys(value.extensions).length === 0) {
    fail('extensions', 'expected an object naming at least one extension folder, e.g. {"main": "extension"}');
  }
  for (const [name, folder] of Object.entries(value.extensions as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) fail(`extensions.${name}`, 'names are lowercase letters, digits and dashes');
    if (typeof folder !== 'string') return fail(`extensions.${name}`, 'expected a folder path');
    const path = scenarioPath(root, file, folder);
    if (!isDirectory(path) || !existsSync(join(path, 'manifest.json'))) {
      fail(`extensions.${name}`, `${path} is not a folder with a manifest.json`);
    }
    extensions.set(name, path);
  }

  const sites = new Map<string, string>();
  if (value.sites !== undefined && !isRecord(value.sites)) fail('sites', 'expected an object of origin → folder');
  for (const [origin, folder] of Object.entries((value.sites ?? {}) as Record<string, unknown>)) {
    if (!/^https?:\/\/[a-z0-9.-]+$/.test(origin)) {
      fail(`sites["${origin}"]`, 'an origin is http:// or https:// and a lowercase host name, with no port and no path');
    }
    if (typeof folder !== 'string') return fail(`sites["${origin}"]`, 'expected a folder path');
    const path = resolve(root, folder);
    if (!isDirectory(path)) fail(`sites["${origin}"]`, `${path} is not a folder`);
    sites.set(origin, path);
  }

  const nativeHosts = new Map<string, string>();
  const nativeHostPaths = new Map<string, string>();
  if (value.nativeHosts !== undefined && !isRecord(value.nativeHosts)) fail('nativeHosts', 'expected an object of host name → manifest file');
  for (const [name, manifest] of Object.entries((value.nativeHosts ?? {}) as Record<string, unknown>)) {
    // Any name: a scenario may check how Chrome treats an invalid one (the file is then never read).
    if (name === '' || /[\\/]/.test(name)) fail(`nativeHosts["${name}"]`, 'a host name cannot be empty or hold a slash');
    // {"manifest": …, "path": …} gives the host's program too, for a manifest whose "path" is a placeholder.
    const entry = isRecord(manifest) ? manifest : { manifest };
    if (typeof entry.manifest !== 'string') return fail(`nativeHosts["${name}"]`, 'expected the path of a host manifest (.json)');
    if (entry.path !== undefined) {
      if (typeof entry.path !== 'string') return fail(`nativeHosts["${name}"].path`, 'expected the path of the host program');
      nativeHostPaths.set(name, scenarioPath(root, file, entry.path));
    }
    const path = scenarioPath(root, file, entry.manifest);
    if (!existsSync(path) || isDirectory(path)) fail(`nativeHosts["${name}"]`, `${path} is not a file`);
    nativeHosts.set(name, path);
  }

  if (!Array.isArray(value.steps) || value.steps.length === 0) fail('steps', 'expected a non-empty list of steps');
  const steps = (value.steps as unknown[]).map((step, index) => checkStep(step, `steps[${index}]`, extensions, fail));

  const knownDifference = value.knownDifference;
  if (knownDifference !== undefined && (typeof knownDifference !== 'string' || knownDifference === '')) {
    fail('knownDifference', 'expected one line saying which Chromium behaviour Switchboard lacks');
  }

  const consoleMode = value.console ?? 'reports';
  if (consoleMode !== 'reports' && consoleMode !== 'all') fail('console', 'expected "reports" or "all"');

  const unordered = value.unordered ?? [];
  if (!Array.isArray(unordered) || !unordered.every((s) => typeof s === 'string')) {
    fail('unordered', 'expected a list of source names, e.g. ["tab 1"]');
  }

  return {
    name: root.split(/[\\/]/).pop() ?? root,
    dir: root,
    description: description as string,
    extensions,
    sites,
    nativeHosts,
    nativeHostPaths,
    steps,
    unordered: unordered as string[],
    console: consoleMode as 'reports' | 'all',
    knownDifference: knownDifference as string | undefined,
  };
}

function checkStep(
  step: unknown,
  where: string,
  extensions: ReadonlyMap<string, string>,
  fail: (where: string, problem: string) => never,
): Step {
  if (!isRecord(step)) return fail(where, 'expected an object such as {"open": "http://a.test/"}');
  const kinds = STEP_KINDS.filter((kind) => kind in step);
  if (kinds.length !== 1) return fail(where, `expected exactly one of ${STEP_KINDS.join(', ')}`);
  const kind = kinds[0]!;
  const arg = step[kind];
  const tabRef = (v: unknown): boolean => v === 'last' || (Number.isInteger(v) && (v as number) >= 1);
  switch (kind) {
    case 'open':
    case 'navigate': {
      if (typeof arg !== 'string') return fail(where, `"${kind}" takes a URL`);
      const ext = /^ext:([^/]+)\//.exec(arg);
      if (ext && !extensions.has(ext[1]!)) fail(where, `no extension named "${ext[1]}"`);
      if (!ext && !/^https?:\/\//.test(arg)) fail(where, 'a URL is http(s)://… or ext:<name>/<path>');
      if (kind === 'navigate' && step.tab !== undefined && !tabRef(step.tab)) fail(where, '"tab" is a tab number or "last"');
      break;
    }
    case 'reload':
    case 'back':
    case 'forward':
    case 'close':
      if (!tabRef(arg)) fail(where, `"${kind}" takes a tab number (from 1) or "last"`);
      break;
    case 'reloadExtension':
    case 'stopWorker':
    case 'waitForIdleStop':
      if (typeof arg !== 'string' || !extensions.has(arg)) fail(where, `"${kind}" takes an extension name`);
      break;
    case 'clickContextMenu':
    case 'pressCommand':
    case 'omnibox': {
      if (typeof arg !== 'string' || !extensions.has(arg)) fail(where, `"${kind}" takes an extension name`);
      const detail = kind === 'clickContextMenu' ? step.id : kind === 'pressCommand' ? step.command : (step.type ?? step.enter);
      if (typeof detail !== 'string') fail(where, kind === 'clickContextMenu' ? '"id" names the menu item' : kind === 'pressCommand' ? '"command" names the command' : '"type" or "enter" gives the text');
      if (kind === 'omnibox' && (step.type === undefined) === (step.enter === undefined)) fail(where, 'give one of "type" and "enter"');
      if (step.tab !== undefined && !tabRef(step.tab)) fail(where, '"tab" is a tab number or "last"');
      break;
    }
    case 'evaluate':
      if (typeof arg !== 'string' || arg.trim() === '') fail(where, '"evaluate" takes an expression');
      if (step.in !== undefined && (typeof step.in !== 'string' || !EVALUATE_TARGET.test(step.in))) {
        fail(where, '"in" is "service worker <name>", "tab <n>", "new tab <n>", "popup <name>", "side panel <name>" or "offscreen document <name>"');
      }
      if (step.label !== undefined && typeof step.label !== 'string') fail(where, '"label" is a string');
      break;
    case 'clickAction':
      if (typeof arg !== 'string' || !extensions.has(arg)) fail(where, `"clickAction" takes an extension name`);
      if (step.tab !== undefined && !tabRef(step.tab)) fail(where, '"tab" is a tab number or "last"');
      break;
    case 'wait':
      if (arg !== 'quiet' && !(typeof arg === 'number' && arg >= 0 && arg <= 10_000)) {
        fail(where, '"wait" takes "quiet" or a number of milliseconds up to 10000');
      }
      break;
    case 'waitFor':
      if (typeof arg !== 'string') fail(where, '"waitFor" takes a label');
      if (step.count !== undefined && !(Number.isInteger(step.count) && (step.count as number) >= 1)) {
        fail(where, '"count" is a whole number from 1');
      }
      break;
  }
  return step as Step;
}

/** `ext:<name>/<path>` → chrome-extension://<id>/<path>; other URLs as they are. */
export function resolveStepUrl(url: string, idOf: (name: string) => string): string {
  const ext = /^ext:([^/]+)\/(.*)$/.exec(url);
  return ext ? `chrome-extension://${idOf(ext[1]!)}/${ext[2]}` : url;
}

/** The tab a step names: its number, or the last one opened. */
export function tabNumber(ref: number | 'last' | undefined, opened: number): number {
  return ref === undefined || ref === 'last' ? opened : ref;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
