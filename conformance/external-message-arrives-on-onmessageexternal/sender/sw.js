// The receiver's id follows from the "key" in its manifest.
const RECEIVER = 'ehnmaddfejcleaombcjdgbllmpengnbn';

(async () => {
  const reply = await chrome.runtime.sendMessage(RECEIVER, { hello: 'from another extension' });
  console.log('@sb', 'reply', reply);
})();
