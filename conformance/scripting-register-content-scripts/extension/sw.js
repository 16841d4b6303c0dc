const settle = (promise) => promise.then((value) => ['resolved', value], (error) => [error.constructor.name, error.message]);
const attempt = async (fn) => {
  try {
    return await settle(fn());
  } catch (error) {
    return [error.constructor.name, error.message];
  }
};

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'from dynamic script') console.log('@sb', 'dynamic sender', [sender.url, sender.frameId, typeof sender.tab]);
});

(async () => {
  const s = chrome.scripting;
  console.log('@sb', 'none yet', await s.getRegisteredContentScripts());
  console.log('@sb', 'register', await settle(s.registerContentScripts([
    { id: 'dynamic', matches: ['http://a.test/*'], excludeMatches: ['http://a.test/never.html'], js: ['dynamic.js'], runAt: 'document_end' },
    { id: 'main', matches: ['http://a.test/index.html'], js: ['main-world.js'], world: 'MAIN', persistAcrossSessions: false },
  ])));
  console.log('@sb', 'registered scripts', await s.getRegisteredContentScripts());
  console.log('@sb', 'filtered', (await s.getRegisteredContentScripts({ ids: ['main', 'unknown'] })).map((script) => script.id));
  const errors = {
    'duplicate id': () => s.registerContentScripts([{ id: 'dynamic', matches: ['http://a.test/*'], js: ['dynamic.js'] }]),
    'duplicate within the call': () => s.registerContentScripts([{ id: 'twice', matches: ['http://a.test/*'], js: ['dynamic.js'] }, { id: 'twice', matches: ['http://a.test/*'], js: ['dynamic.js'] }]),
    'reserved prefix': () => s.registerContentScripts([{ id: '_x', matches: ['http://a.test/*'], js: ['dynamic.js'] }]),
    'empty id': () => s.registerContentScripts([{ id: '', matches: ['http://a.test/*'], js: ['dynamic.js'] }]),
    'no matches': () => s.registerContentScripts([{ id: 'nomatch', js: ['dynamic.js'] }]),
    'empty matches': () => s.registerContentScripts([{ id: 'emptymatch', matches: [], js: ['dynamic.js'] }]),
    'invalid match': () => s.registerContentScripts([{ id: 'badmatch', matches: ['nope'], js: ['dynamic.js'] }]),
    'invalid exclude match': () => s.registerContentScripts([{ id: 'badexclude', matches: ['http://a.test/*'], excludeMatches: ['http://'], js: ['dynamic.js'] }]),
    'no files': () => s.registerContentScripts([{ id: 'nofiles', matches: ['http://a.test/*'] }]),
    'missing file': () => s.registerContentScripts([{ id: 'missing', matches: ['http://a.test/*'], js: ['missing.js'] }]),
    'missing css file': () => s.registerContentScripts([{ id: 'missingcss', matches: ['http://a.test/*'], css: ['missing.css'] }]),
    'bad run at': () => s.registerContentScripts([{ id: 'badrunat', matches: ['http://a.test/*'], js: ['dynamic.js'], runAt: 'later' }]),
    'no id': () => s.registerContentScripts([{ matches: ['http://a.test/*'], js: ['dynamic.js'] }]),
    'update unknown id': () => s.updateContentScripts([{ id: 'unknown', matches: ['http://a.test/*'] }]),
    'update reserved prefix': () => s.updateContentScripts([{ id: '_x' }]),
    'update to invalid match': () => s.updateContentScripts([{ id: 'dynamic', matches: ['nope'] }]),
    'unregister unknown id': () => s.unregisterContentScripts({ ids: ['unknown'] }),
    'unregister reserved prefix': () => s.unregisterContentScripts({ ids: ['_x'] }),
    'unregister empty id': () => s.unregisterContentScripts({ ids: [''] }),
  };
  for (const [name, call] of Object.entries(errors)) console.log('@sb', name, await attempt(call));
  console.log('@sb', 'after errors', (await s.getRegisteredContentScripts()).map((script) => script.id));

  console.log('@sb', 'register css only', await settle(s.registerContentScripts([{ id: 'css', matches: ['http://a.test/*'], css: ['style.css'] }])));
  console.log('@sb', 'update', await settle(s.updateContentScripts([{ id: 'dynamic', excludeMatches: ['http://a.test/excluded.html'], allFrames: true }])));
  console.log('@sb', 'updated', (await s.getRegisteredContentScripts({ ids: ['dynamic'] }))[0]);
  console.log('@sb', 'unregister', await settle(s.unregisterContentScripts({ ids: ['css'] })));
  console.log('@sb', 'after unregister', (await s.getRegisteredContentScripts()).map((script) => script.id));
  console.log('@sb', 'registered', true);
})();
