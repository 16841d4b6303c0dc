#!/usr/bin/env node
// Answers each message with itself.
import { frame, readFrames } from "../../native-framing.mjs";
readFrames((message) => process.stdout.write(frame({ echo: message })));
