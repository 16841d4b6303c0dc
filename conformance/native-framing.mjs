// Chrome's framing for the native hosts of the conformance scenarios and of the tests, without the
// library: a 32-bit native-order length, then UTF-8 JSON. Hosts import it by a path relative to
// themselves, so it works whatever folder Chrome starts them in.
import { endianness } from 'node:os';

const LE = endianness() === 'LE';

export function header(length) {
  const bytes = Buffer.alloc(4);
  if (LE) bytes.writeUInt32LE(length);
  else bytes.writeUInt32BE(length);
  return bytes;
}

/** A frame around raw bytes (which need not be JSON, nor UTF-8). */
export function rawFrame(body) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return Buffer.concat([header(bytes.length), bytes]);
}

export function frame(message) {
  return rawFrame(JSON.stringify(message));
}

/** Calls onMessage(message) for each frame on stdin; onEnd() at end of input. */
export function readFrames(onMessage, onEnd = () => process.exit(0)) {
  let buffered = Buffer.alloc(0);
  process.stdin.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 4) return;
      const length = LE ? buffered.readUInt32LE(0) : buffered.readUInt32BE(0);
      if (buffered.length < 4 + length) return;
      const body = buffered.subarray(4, 4 + length).toString('utf8');
      buffered = buffered.subarray(4 + length);
      onMessage(JSON.parse(body));
    }
  });
  process.stdin.on('end', onEnd);
}
