#!/usr/bin/env node
// Switchboard ships TypeScript sources; tsx runs them.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
