(async () => {
  for (const name of ['com.switchboard.elsewhere', 'com.switchboard.nobody']) {
    const outcome = await chrome.runtime.sendNativeMessage(name, { hello: 1 }).then(
      (answer) => ({ answer }),
      (error) => ({ error: error.message }),
    );
    console.log('@sb', `sendNativeMessage ${name}`, outcome);
    const port = chrome.runtime.connectNative(name);
    port.postMessage({ queued: true });
    const lastError = await new Promise((resolve) => port.onDisconnect.addListener(() => resolve(chrome.runtime.lastError?.message)));
    console.log('@sb', `connectNative ${name}`, lastError);
  }
  console.log('@sb', 'done', true);
})();
