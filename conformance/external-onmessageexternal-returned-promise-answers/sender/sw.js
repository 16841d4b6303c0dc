const RECEIVER = 'ehnmaddfejcleaombcjdgbllmpengnbn';

(async () => {
  const reply = await chrome.runtime.sendMessage(RECEIVER, 'question');
  console.log('@sb', 'reply', reply);
})();
