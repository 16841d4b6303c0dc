/**
 * The floor: the least work any in-process implementation of message passing must do. A message
 * crosses contexts as JSON (serialized by the sender, parsed by the receiver) and arrives in a
 * later task, never synchronously: one JSON round trip plus one event-loop hop (setImmediate).
 */
import { nextTurn } from '../harness.ts';

/** A copy of `message` as a receiver gets it. */
export function jsonRoundTrip(message: unknown): unknown {
  return JSON.parse(JSON.stringify(message));
}

/** A request and its answer: both cross as JSON, in one hop. */
export async function floorRequest(message: unknown, answer: (request: unknown) => unknown): Promise<unknown> {
  const request = jsonRoundTrip(message);
  await nextTurn();
  return jsonRoundTrip(answer(request));
}

/** `count` one-way messages, each JSON round-tripped and delivered in its own task. */
export function floorStream(message: unknown, count: number, receive: (message: unknown) => void): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    for (let i = 0; i < count; i++) {
      const json = JSON.stringify(message);
      setImmediate(() => {
        receive(JSON.parse(json));
        if (--left === 0) resolve();
      });
    }
  });
}

/** One message to `receivers` contexts: serialized once, parsed by each, in one hop. */
export async function floorFanOut(message: unknown, receivers: number, receive: (message: unknown) => void): Promise<void> {
  const json = JSON.stringify(message);
  await nextTurn();
  for (let i = 0; i < receivers; i++) receive(JSON.parse(json));
}
