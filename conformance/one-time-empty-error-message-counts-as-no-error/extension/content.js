// Ask the service worker to fail with an empty Error, thrown and rejected, in both call forms.
function ask(how) {
  return new Promise((done) => {
    chrome.runtime.sendMessage(how).then(
      (response) => console.log('@sb', `${how}: promise resolved`, { type: typeof response, response }),
      (error) => console.log('@sb', `${how}: promise rejected`, error.message),
    ).then(() => {
      chrome.runtime.sendMessage(how, function (response) {
        console.log('@sb', `${how}: callback`, { arguments: arguments.length, response, lastError: chrome.runtime.lastError?.message });
        done();
      });
    });
  });
}

(async () => {
  await ask('throw');
  await ask('reject');
  console.log('@sb', 'done');
})();
