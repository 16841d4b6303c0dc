
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

const FRAMES = 50;
let ready = 0;
chrome.runtime.onMessage.addListener((request, sender) => {
  if (!request || request.ready !== true || ++ready !== FRAMES) return;
  const tabId = sender.tab.id;
  measure(() => chrome.tabs.sendMessage(tabId, { broadcast: 'to every frame' }), { warmup: 50, batches: 20, perBatch: 10 }).then((result) => {
    console.log('@sb', 'result', result);
  });
});
