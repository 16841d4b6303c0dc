import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadUnpacked } from '../../src/loader/index.ts';
import { fixtureDir, loaderFixture, settle } from './support.ts';

interface ChildRun {
  sourceTextModule: string;
  id: string;
  console: string[];
  answer: unknown;
}

/** Runs the extension in a child Node started without --experimental-vm-modules, as `npx switchboard run` and plain `node --test` are. */
async function runWithoutVmModules(extension: string): Promise<ChildRun> {
  const child = fileURLToPath(new URL('../fixtures/module-worker-child.ts', import.meta.url));
  const env = { ...process.env, NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace('--experimental-vm-modules', '') };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, fixtureDir(extension)], { env, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildRun;
}

const CHAIN_CONSOLE = [
  'log: top-level this: undefined; greet.js ran 1 time(s); seen.js saw 1',
  'log: TypeError: import() is disallowed on ServiceWorkerGlobalScope by the HTML specification. See https://github.com/w3c/ServiceWorker/issues/1356.',
];

describe('module service workers without --experimental-vm-modules', () => {
  it('a module worker with an import chain runs, each module once, and answers messages', async () => {
    const run = await runWithoutVmModules('module-worker-chain');
    assert.equal(run.sourceTextModule, 'undefined', 'the child must lack vm.SourceTextModule');
    assert.deepEqual(run.console, CHAIN_CONSOLE);
    assert.deepEqual(run.answer, { reply: 'hello page from /lib/greet.js', url: `chrome-extension://${run.id}/sw.js` });
  });

  it('a graph that awaits at top level does not run: the worker logs Chrome\'s refusal', async () => {
    const run = await runWithoutVmModules('module-worker-top-level-await');
    assert.deepEqual(run.console, ['error: Top-level await is disallowed in service workers.']);
    assert.equal(run.answer, 'rejected: Could not establish connection. Receiving end does not exist.');
  });

  it('this process (with or without the flag) observes the same as the child', async () => {
    const { browser, consoleOf } = loaderFixture();
    const extension = loadUnpacked(browser, fixtureDir('module-worker-chain'));
    await settle(browser);
    assert.deepEqual(consoleOf(extension.serviceWorker), CHAIN_CONSOLE);
    const awaiting = loadUnpacked(browser, fixtureDir('module-worker-top-level-await'));
    await settle(browser);
    assert.deepEqual(consoleOf(awaiting.serviceWorker), ['error: Top-level await is disallowed in service workers.']);
  });
});
