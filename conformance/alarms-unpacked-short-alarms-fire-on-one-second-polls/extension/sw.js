let created = 0;
let lastTick = 0;
let ticks = 0;
chrome.alarms.onAlarm.addListener(async (alarm) => {
  const now = Date.now();
  if (alarm.name === 'tick') {
    ticks++;
    // Each tick about a second after the previous one (the first one at its own time).
    console.log('@sb', 'tick', [ticks, Object.keys(alarm), alarm.periodInMinutes, ticks === 1 ? now - created >= 250 : now - lastTick >= 900 && now - lastTick < 1400]);
    lastTick = now;
    if (ticks === 3) {
      await chrome.alarms.clear('tick');
      console.log('@sb', 'done', (await chrome.alarms.getAll()).length);
    }
    return;
  }
  console.log('@sb', 'alarm', [alarm.name, Object.keys(alarm), now - created < 700 ? 'soon' : now - created >= 1000 ? 'after a second' : now - created]);
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
