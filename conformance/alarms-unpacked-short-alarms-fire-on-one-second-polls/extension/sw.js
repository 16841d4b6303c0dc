let created = 0;
let lastTick = 0;
let ticks = 0;
chrome.alarms.onAlarm.addListener(async (alarm) => {
  const now = Date.now();
  if (alarm.name === 'tick') {
    ticks++;
    // Each tick about a second after the previous one (the first one at its own time).
    // A 300 ms period is polled at most once a second: no tick comes 300 ms after the last one.
    console.log('@sb', 'tick', [ticks, Object.keys(alarm), alarm.periodInMinutes, ticks === 1 ? now - created >= 250 : now - lastTick >= 700]);
    lastTick = now;
    if (ticks === 3) {
      await chrome.alarms.clear('tick');
      console.log('@sb', 'done', (await chrome.alarms.getAll()).length);
    }
    return;
  }
  // Never before its time (when the first poll comes depends on Chrome's timing, so no more is said).
  console.log('@sb', 'alarm', [alarm.name, Object.keys(alarm), now - created >= (alarm.name === 'later' ? 250 : 50)]);
  if (alarm.name === 'later') {
    console.log('@sb', 'fired alarms are gone', await chrome.alarms.getAll());
    created = Date.now();
    await chrome.alarms.create('tick', { periodInMinutes: 0.005 });
  }
});

(async () => {
  created = Date.now();
  await chrome.alarms.create('later', { delayInMinutes: 0.005 });
  await chrome.alarms.create('sooner', { when: Date.now() + 100 });
  console.log('@sb', 'created', (await chrome.alarms.getAll()).map((alarm) => alarm.name));
})();
