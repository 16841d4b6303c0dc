#!/usr/bin/env node
/** The floor for native messaging: bytes back as they came, through a pipe, with no framing at all. */
process.stdin.pipe(process.stdout);
