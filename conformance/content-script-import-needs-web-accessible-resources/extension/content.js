const outcome = (promise) =>
  promise.then(
    (module) => module.name,
    (error) => [error.constructor.name, error.message.replace(chrome.runtime.id, '<id>')],
  );
(async () => {
  console.log('@sb', 'listed', await outcome(import(chrome.runtime.getURL('listed.js'))));
  console.log('@sb', 'unlisted', await outcome(import(chrome.runtime.getURL('unlisted.js'))));
})();
