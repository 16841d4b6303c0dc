let ready = 0;
const told = [];

chrome.runtime.onMessage.addListener((msg, sender) => {
  if (msg === 'ready') {
    if (++ready === 3) connect(sender.tab.id);
    return;
  }
  told.push(msg);
  if (told.length < 3) return;
  told.sort((x, y) => x.where.localeCompare(y.where));
  for (const receiver of told) console.log('@sb', 'receiver onDisconnect', receiver);
  console.log('@sb', 'done');
});

function connect(tabId) {
  const port = chrome.tabs.connect(tabId, { name: 'fan-out' });
  port.onDisconnect.addListener(() => console.log('@sb', 'opener onDisconnect'));
  // Hang up once every frame has its receiver.
  let connected = 0;
  port.onMessage.addListener(() => {
    if (++connected === 3) port.disconnect();
  });
}
