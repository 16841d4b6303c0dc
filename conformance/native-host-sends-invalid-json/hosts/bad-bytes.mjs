#!/usr/bin/env node
// Answers each request {send} with exactly that frame: invalid JSON, an empty body, invalid UTF-8 inside or outside a string, or a good message.
import { frame, rawFrame, readFrames } from "../../native-framing.mjs";
const bodies = {
  "invalid-json": Buffer.from("{not json"),
  empty: Buffer.alloc(0),
  "invalid-utf8-in-string": Buffer.concat([Buffer.from("{\"text\":\"a"), Buffer.from([0xff, 0xfe]), Buffer.from("b\"}")]),
  "invalid-utf8-outside": Buffer.concat([Buffer.from("{\"text\":1}"), Buffer.from([0xff])]),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{\"bom\":true}")]),
};
readFrames((message) => process.stdout.write(bodies[message.send] === undefined ? frame({ ok: message.send }) : rawFrame(bodies[message.send])));
