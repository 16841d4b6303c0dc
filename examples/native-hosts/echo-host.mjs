#!/usr/bin/env node
/**
 * A native messaging host that echoes every message back with some metadata, written with
 * Switchboard's host library (src/native/host). Chrome starts it as
 *   echo-host.mjs chrome-extension://<id>/ [--parent-window=<n>]
 * with the working directory set to this folder, stdin and stdout as pipes.
 *
 * It is plain JavaScript because Chrome runs the file directly (shebang, executable bit). The
 * library is TypeScript, so this file loads it through tsx's API, resolved from this file's own
 * location: it runs from any working directory. Logs go to stderr; stdout carries frames only.
 *
 * Special messages, for trying things out: {"command": "exit"} makes the host stop after
 * replying; {"command": "size", "bytes": n} replies with a string of n bytes (to see the 1 MiB limit).
 */
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

const { createNativeHost } = await tsImport('../../src/native/host/index.ts', import.meta.url);

let count = 0;
const host = createNativeHost({
  async onMessage(message, host) {
    count += 1;
    const request = typeof message === 'object' && message !== null ? message : {};
    if (request.command === 'size') {
      try {
        await host.send({ data: 'x'.repeat(Number(request.bytes) || 0) });
      } catch (error) {
        await host.send({ error: error.message, code: error.code });
      }
      return;
    }
    await host.send({
      echo: message,
      count,
      origin: host.origin ?? null,
      host: 'node',
      pid: process.pid,
    });
    if (request.command === 'exit') await host.close();
  },
});

process.stderr.write(`echo-host (node): started for ${host.origin ?? 'no origin'}\n`);
try {
  await host.done;
  process.stderr.write(`echo-host (node): input closed after ${count} message(s), exiting\n`);
} catch {
  // The host library already wrote the error to stderr and set exit code 1.
}
