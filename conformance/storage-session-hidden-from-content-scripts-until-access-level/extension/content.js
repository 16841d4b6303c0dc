const report = (label, value) => console.log('@sb', label, value);
const attempt = async (label, call) => {
  try {
    report(label, ['resolved', await call()]);
  } catch (error) {
    report(label, [error.constructor.name, error.message]);
  }
};
const heard = [];
chrome.storage.onChanged.addListener((changes, area) => heard.push([area, changes]));
chrome.storage.session.onChanged.addListener((changes) => heard.push(['session.onChanged', changes]));

(async () => {
  const session = chrome.storage.session;
  report('session', [typeof session, Object.keys(session), session.QUOTA_BYTES]);
  await attempt('get while restricted', () => session.get());
  await attempt('set while restricted', () => session.set({ fromContentScript: 1 }));
  await attempt('getKeys while restricted', () => session.getKeys());
  await attempt('getBytesInUse while restricted', () => session.getBytesInUse());
  await attempt('setAccessLevel while restricted', () => session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }));
  void chrome.runtime.id; // chrome.runtime exists before the callback reads lastError
  await new Promise((resolve) => session.get(null, (...args) => resolve(report('callback while restricted', [args.length, chrome.runtime.lastError?.message]))));
  await attempt('local works', () => chrome.storage.local.set({ local: 1 }).then(() => chrome.storage.local.get()));
  await attempt('local setAccessLevel', () => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));

  await chrome.runtime.sendMessage('open up');
  await attempt('get once allowed', () => session.get());
  await attempt('set once allowed', () => session.set({ fromContentScript: 1 }));
  await attempt('setAccessLevel once allowed', () => session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));

  await chrome.runtime.sendMessage('close again');
  await attempt('get once restricted again', () => session.get());
  await chrome.runtime.sendMessage('last round trip');
  report('heard', heard);
  report('done', true);
})();
