#!/usr/bin/env node
// Answers the first message twice; the extension sees only the first answer.
import { frame, readFrames } from "../../native-framing.mjs";
readFrames((message) => {
  process.stdout.write(Buffer.concat([frame({ first: message }), frame({ second: message })]));
});
