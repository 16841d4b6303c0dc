#!/usr/bin/env node
// Sends one message whole, then half of another, and dies.
const LE = (await import("node:os")).endianness() === "LE";
const frame = (body) => {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body), "utf8");
  const header = Buffer.alloc(4);
  if (LE) header.writeUInt32LE(bytes.length); else header.writeUInt32BE(bytes.length);
  return Buffer.concat([header, bytes]);
};
const whole = frame({ before: "crash" });
const half = frame({ cut: "off here" }).subarray(0, 9);
process.stdout.write(Buffer.concat([whole, half]), () => process.exit(3));
