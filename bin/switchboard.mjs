#!/usr/bin/env node
// Switchboard ships TypeScript sources; tsx runs them. Node runs them with
// --experimental-vm-modules: without it, Node answers import() in an extension's classic script
// with an error object of the host's own realm, which would unseal the context (README: Sealed
// contexts). Started without it, the command starts itself again with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.includes('--experimental-vm-modules')) {
  const args = ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  const { status, signal, error } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (error) throw error;
  if (signal) process.kill(process.pid, signal);
  process.exit(status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
