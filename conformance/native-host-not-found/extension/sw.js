const names = [
  'com.switchboard.absent',
  'com.switchboard.name_differs',
  'com.switchboard.bad_type',
  'com.switchboard.no_binary',
  'com.switchboard.bad_pattern',
  'Com.Switchboard.Upper',
  'com-switchboard',
  '',
];
(async () => {
  for (const name of names) {
    const outcome = await chrome.runtime.sendNativeMessage(name, {}).then(
      (answer) => ({ answer }),
      (error) => ({ error: error.message }),
    );
    console.log('@sb', `sendNativeMessage ${JSON.stringify(name)}`, outcome);
    const lastError = await new Promise((resolve) => {
      const port = chrome.runtime.connectNative(name);
      port.onDisconnect.addListener(() => resolve(chrome.runtime.lastError?.message));
    });
    console.log('@sb', `connectNative ${JSON.stringify(name)}`, lastError);
  }
  console.log('@sb', 'done', true);
})();
