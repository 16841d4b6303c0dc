/**
 * The escape probe in every kind of context: whatever a context's code can reach — from its
 * global, from what the API and the web platform return, throw and call back with — is an object
 * of its own realm. Anything else is a route out: to the host (whose Function compiles code where
 * `process` is), or into another context's realm. Chrome gives a context nothing else.
 *
 * Each test lists the routes that escaped, one a line: `route: whose object, .constructor → what
 * compiling code through it reaches`. SECURITY_PROBE_FULL=1 lists them all.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ScriptContext } from '../../src/index.ts';
import {
  escapeMessage,
  evaluateIn,
  listenIn,
  openSecurityWorld,
  probe,
  settle,
  toExtension,
  toFrame,
  toPage,
  type ProbeOptions,
  type ProbeReport,
  type SecurityContexts,
  type SecurityWorld,
} from './support.ts';

/** One kind of context: how to find it, who sends it messages and events, and how to probe it. */
interface ContextKind {
  readonly rule: string;
  readonly context: keyof SecurityContexts;
  /** Peers' code that makes the context's listeners run (messages, ports, DOM events). */
  readonly drive: (world: SecurityWorld) => readonly [keyof SecurityContexts, string][];
  readonly options?: (world: SecurityWorld) => ProbeOptions;
}

const KINDS: readonly ContextKind[] = [
  {
    rule: 'a classic service worker reaches nothing of the host',
    context: 'classicWorker',
    drive: (world) => [
      ['extensionPage', toExtension()],
      ['contentScriptMainFrame', toExtension()],
      ['connectableWebPage', toExtension(world.classic.id)],
    ],
  },
  {
    rule: 'a module service worker reaches nothing of the host',
    context: 'moduleWorker',
    drive: () => [['moduleContentScriptMainFrame', toExtension()]],
  },
  {
    rule: 'an extension page reaches nothing of the host',
    context: 'extensionPage',
    drive: () => [['classicWorker', toExtension()]],
  },
  {
    rule: 'an extension popup reaches nothing of the host',
    context: 'popup',
    drive: () => [['classicWorker', toExtension()]],
  },
  {
    rule: 'an offscreen document reaches nothing of the host',
    context: 'offscreenDocument',
    drive: () => [['classicWorker', toExtension()]],
  },
  {
    rule: 'a content script in a main frame reaches nothing of the host, nor of the page',
    context: 'contentScriptMainFrame',
    drive: (world) => [['classicWorker', toFrame(world, 'main')]],
  },
  {
    rule: 'a content script in a subframe reaches nothing of the host, nor of the page',
    context: 'contentScriptSubframe',
    drive: (world) => [['classicWorker', toFrame(world, 'sub')]],
  },
  {
    rule: 'a web page no extension lets connect reaches nothing of the host, nor of the extensions',
    context: 'webPage',
    drive: () => [['contentScriptMainFrame', toPage]],
  },
  {
    rule: 'a web page that an extension lets connect (chrome.runtime present) reaches nothing of the host, nor of the extension',
    context: 'connectableWebPage',
    drive: () => [['connectableContentScript', toPage]],
    options: (world) => ({ extensionId: world.classic.id }),
  },
  {
    rule: 'a cross-origin iframe page reaches nothing of the host, nor of its parent page',
    context: 'crossOriginFrame',
    drive: () => [['contentScriptSubframe', toPage]],
  },
];

/** Listens in the context, has its peers talk to it, and probes it. */
async function probeKind(kind: ContextKind) {
  const world = await openSecurityWorld();
  const context: ScriptContext = world.contexts[kind.context];
  listenIn(context);
  for (const [peer, code] of kind.drive(world)) evaluateIn(world.contexts[peer], code);
  if (kind.context === 'classicWorker') world.browser.openTab('https://another.test/'); // tabs.onCreated, tabs.onUpdated
  await settle(world.browser);
  try {
    return { world, report: await probe(context, kind.options?.(world)) };
  } finally {
    world.browser.close();
  }
}

/** No route out, and nothing the probe meant to walk left unwalked (a call that never answered, say). */
function assertSealed(who: string, report: ProbeReport): void {
  assert.ok(report.escapes.length === 0 && report.notes.length === 0, escapeMessage(who, report));
}

/** The module worker probed in a child Node without --experimental-vm-modules, where modules are compiled to functions. */
async function probeModuleWorkerWithoutVmModules(): Promise<{ sourceTextModule: string; name: string; report: ProbeReport }> {
  const child = fileURLToPath(new URL('../fixtures/security/module-worker-child.ts', import.meta.url));
  const env = { ...process.env, NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace('--experimental-vm-modules', '') };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child], { env, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { sourceTextModule: string; name: string; report: ProbeReport };
}

describe('security: every context reaches only objects of its own realm', () => {
  for (const kind of KINDS) {
    it(kind.rule, async () => {
      const { world, report } = await probeKind(kind);
      assertSealed(world.names.get(world.contexts[kind.context])!, report);
    });
  }

  it('a module service worker compiled without --experimental-vm-modules (as Node runs it without the flag) reaches nothing of the host', async () => {
    const run = await probeModuleWorkerWithoutVmModules();
    assert.equal(run.sourceTextModule, 'undefined', 'the child must lack vm.SourceTextModule');
    assertSealed(`${run.name}, compiled to functions`, run.report);
  });
});
