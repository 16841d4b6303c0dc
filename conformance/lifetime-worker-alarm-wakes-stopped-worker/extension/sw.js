console.log('@sb', 'top level runs');
chrome.alarms.onAlarm.addListener((alarm) => console.log('@sb', 'alarm', alarm.name));
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  chrome.alarms.create('wake up', { when: Date.now() + 1500 }).then(() => sendResponse('armed'));
  return true;
});
