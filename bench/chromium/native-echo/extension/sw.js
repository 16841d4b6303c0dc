
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

const HOST = 'com.switchboard.bench_echo';
const port = chrome.runtime.connectNative(HOST);
let echoed;
port.onMessage.addListener(() => echoed());
port.onDisconnect.addListener(() => console.log('@sb', 'result', { error: chrome.runtime.lastError && chrome.runtime.lastError.message }));
const echo = (message) => () => new Promise((resolve) => {
  echoed = resolve;
  port.postMessage(message);
});
const SMALL = { greeting: 'hello', n: 1 };
const LARGE = { data: 'x'.repeat(512 * 1024 - '{"data":""}'.length) };
(async () => {
  const small = await measure(echo(SMALL), { warmup: 100, batches: 30, perBatch: 20 });
  const large = await measure(echo(LARGE), { warmup: 5, batches: 10, perBatch: 3 });
  console.log('@sb', 'result', { smallMs: small.medianMs, largeMs: large.medianMs });
})();
