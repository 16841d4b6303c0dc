
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

const port = chrome.runtime.connect({ name: 'ping' });
let answered;
port.onMessage.addListener(() => answered());
const pingPong = () => new Promise((resolve) => {
  answered = resolve;
  port.postMessage({ ping: 1 });
});
measure(pingPong, { warmup: 200, batches: 40, perBatch: 25 }).then((result) => {
  console.log('@sb', 'result', result);
});
