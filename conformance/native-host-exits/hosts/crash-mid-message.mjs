#!/usr/bin/env node
// Sends one message whole, then half of another, and dies.
import { frame } from "../../native-framing.mjs";
const whole = frame({ before: "crash" });
const half = frame({ cut: "off here" }).subarray(0, 9);
process.stdout.write(Buffer.concat([whole, half]), () => process.exit(3));
