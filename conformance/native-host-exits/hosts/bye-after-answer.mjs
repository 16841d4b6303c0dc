#!/usr/bin/env node
// Answers the first message, then closes and exits.
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
onMessages((message) => process.stdout.write(frame({ bye: message }), () => process.exit(0)));
