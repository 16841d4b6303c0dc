const MiB = 1024 * 1024;

(async () => {
  // The JSON adds two quotes: exactly 64 MiB.
  const reply = await chrome.runtime.sendMessage('x'.repeat(64 * MiB - 2));
  console.log('@sb', 'largest', reply);
  try {
    chrome.runtime.sendMessage('x'.repeat(64 * MiB - 1));
    console.log('@sb', 'one more', 'no throw');
  } catch (error) {
    console.log('@sb', 'one more', [error.constructor.name, error.message]);
  }
  console.log('@sb', 'done');
})();
