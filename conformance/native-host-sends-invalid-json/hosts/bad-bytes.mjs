#!/usr/bin/env node
// Answers each request {send} with exactly that frame: invalid JSON, an empty body, invalid UTF-8 inside or outside a string, or a good message.
const LE = (await import("node:os")).endianness() === "LE";
const frame = (body) => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), "utf8");
  const header = Buffer.alloc(4);
  if (LE) header.writeUInt32LE(bytes.length); else header.writeUInt32BE(bytes.length);
  return Buffer.concat([header, bytes]);
};
const onMessages = (handle) => {
  let buffered = Buffer.alloc(0);
  process.stdin.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 4) {
      const length = LE ? buffered.readUInt32LE(0) : buffered.readUInt32BE(0);
      if (buffered.length < 4 + length) return;
      const message = JSON.parse(buffered.subarray(4, 4 + length).toString("utf8"));
      buffered = buffered.subarray(4 + length);
      handle(message);
    }
  });
  process.stdin.on("end", () => process.exit(0));
};
const bodies = {
  "invalid-json": Buffer.from("{not json"),
  empty: Buffer.alloc(0),
  "invalid-utf8-in-string": Buffer.concat([Buffer.from("{\"text\":\"a"), Buffer.from([0xff, 0xfe]), Buffer.from("b\"}")]),
  "invalid-utf8-outside": Buffer.concat([Buffer.from("{\"text\":1}"), Buffer.from([0xff])]),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{\"bom\":true}")]),
};
onMessages((message) => process.stdout.write(bodies[message.send] === undefined ? frame({ ok: message.send }) : frame(bodies[message.send])));
