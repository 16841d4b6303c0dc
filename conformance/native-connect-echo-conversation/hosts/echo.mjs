#!/usr/bin/env node
// Answers each message with the message, a count, its arguments and whether it runs in its own folder.
import { frame, readFrames } from "../../native-framing.mjs";
const here = (await import("node:path")).dirname((await import("node:url")).fileURLToPath(import.meta.url));
let count = 0;
readFrames((message) => {
  count += 1;
  process.stdout.write(frame({ echo: message, count, argv: process.argv.slice(2), inOwnFolder: process.cwd() === here }));
});
