#!/usr/bin/env node
// Exits at once, reading and writing nothing.
process.exit(0);
