chrome.runtime.onInstalled.addListener(async (details) => {
  const { installs = [] } = await chrome.storage.local.get('installs');
  installs.push(details);
  await chrome.storage.local.set({ installs });
});
