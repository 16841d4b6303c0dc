const RECEIVER = 'ehnmaddfejcleaombcjdgbllmpengnbn';

(async () => {
  const reply = await chrome.runtime.sendMessage(RECEIVER, 'may I?');
  console.log('@sb', 'reply', reply);
})();
