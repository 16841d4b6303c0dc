const subframes = [];
let ready = 0;

chrome.runtime.onMessage.addListener((msg, sender) => {
  if (msg !== 'ready') return;
  if (sender.frameId !== 0) subframes.push(sender.frameId);
  if (++ready === 3) connect(sender.tab.id);
});

function connect(tabId) {
  const port = chrome.tabs.connect(tabId, { name: 'fan-out' });
  port.onMessage.addListener((msg) => console.log('@sb', 'opener heard', msg));
  port.onDisconnect.addListener(async () => {
    console.log('@sb', 'opener onDisconnect, lastError', chrome.runtime.lastError?.message);
    try {
      port.postMessage('still there?');
      console.log('@sb', 'opener post', 'no throw');
    } catch (error) {
      console.log('@sb', 'opener post', [error.constructor.name, error.message]);
    }
    // The iframes' receivers were not told; their ports still accept messages, which go nowhere.
    const answers = await Promise.all(subframes.map((frameId) => chrome.tabs.sendMessage(tabId, 'post on your port', { frameId })));
    answers.sort((x, y) => x.where.localeCompare(y.where));
    for (const answer of answers) console.log('@sb', 'iframe receiver', answer);
    console.log('@sb', 'done');
  });
  port.postMessage('hello-all');
}
