#!/usr/bin/env node
// Answers the first message, then closes and exits.
import { frame, readFrames } from "../../native-framing.mjs";
readFrames((message) => process.stdout.write(frame({ bye: message }), () => process.exit(0)));
