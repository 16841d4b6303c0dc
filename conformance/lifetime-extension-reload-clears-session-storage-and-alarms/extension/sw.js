chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason !== 'install') return;
  await chrome.storage.session.set({ session: 'kept?' });
  await chrome.storage.local.set({ local: 'kept?' });
  await chrome.alarms.create('later', { delayInMinutes: 60 });
});
