#!/usr/bin/env node
/**
 * The bench's native messaging host: echoes every message back unchanged, written with
 * Switchboard's host library (src/native/host). Chrome and Switchboard both run this same file.
 */
import { tsImport } from 'tsx/esm/api';

const { createNativeHost } = await tsImport('../../src/native/host/index.ts', import.meta.url);

const host = createNativeHost({
  onMessage(message, self) {
    return self.send(message);
  },
});
await host.done.catch(() => undefined);
