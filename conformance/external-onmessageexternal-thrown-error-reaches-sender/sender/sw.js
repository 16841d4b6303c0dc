const RECEIVER = 'ehnmaddfejcleaombcjdgbllmpengnbn';

(async () => {
  try {
    await chrome.runtime.sendMessage(RECEIVER, 'promise form');
  } catch (error) {
    console.log('@sb', 'rejected', [error.constructor.name, error.message]);
  }
  chrome.runtime.sendMessage(RECEIVER, 'callback form', (...args) => {
    console.log('@sb', 'callback', [args.length, chrome.runtime.lastError.message]);
    console.log('@sb', 'done');
  });
})();
