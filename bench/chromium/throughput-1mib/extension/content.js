
/**
 * Times `run` (one iteration) in batches of `perBatch` after `warmup` iterations; reports the
 * median batch's time per iteration. Batches, because performance.now() is coarse here (100 µs).
 */
async function measure(run, { warmup, batches, perBatch }) {
  for (let i = 0; i < warmup; i++) await run();
  const perIteration = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) await run();
    perIteration.push((performance.now() - start) / perBatch);
  }
  perIteration.sort((a, b) => a - b);
  return { medianMs: perIteration[perIteration.length >> 1], iterations: batches * perBatch };
}

const BATCH = 5;
const BYTES = 1048576;
const message = { data: 'x'.repeat(BYTES - '{"data":""}'.length) };
const port = chrome.runtime.connect({ name: 'stream' });
let acknowledged;
port.onMessage.addListener(() => acknowledged());
const batch = () => new Promise((resolve) => {
  acknowledged = resolve;
  for (let i = 0; i < BATCH; i++) port.postMessage(message);
});
measure(batch, { warmup: 2, batches: 8, perBatch: 1 }).then(({ medianMs }) => {
  console.log('@sb', 'result', { medianMs, messagesPerSecond: (BATCH / medianMs) * 1000 });
});
