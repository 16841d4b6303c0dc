async function outcome(call) {
  try {
    return ['resolved', await call()];
  } catch (error) {
    return [error.constructor.name, error.message];
  }
}

async function run(tabId) {
  const s = chrome.scripting;
  const cases = {
    'insert css text': () => s.insertCSS({ target: { tabId }, css: 'body { color: rgb(4, 5, 6); }' }),
    'insert css file': () => s.insertCSS({ target: { tabId, allFrames: true }, files: ['style.css'], origin: 'USER' }),
    'remove css text': () => s.removeCSS({ target: { tabId }, css: 'body { color: rgb(4, 5, 6); }' }),
    'remove css file': () => s.removeCSS({ target: { tabId }, files: ['style.css'], origin: 'USER' }),
    'remove never inserted': () => s.removeCSS({ target: { tabId }, css: 'p { color: red; }' }),
    'insert css and files': () => s.insertCSS({ target: { tabId }, css: 'p {}', files: ['style.css'] }),
    'insert neither': () => s.insertCSS({ target: { tabId } }),
    'remove neither': () => s.removeCSS({ target: { tabId } }),
    'insert missing file': () => s.insertCSS({ target: { tabId }, files: ['missing.css'] }),
    'remove missing file': () => s.removeCSS({ target: { tabId }, files: ['missing.css'] }),
    'insert no files': () => s.insertCSS({ target: { tabId }, files: [] }),
    'insert duplicate file': () => s.insertCSS({ target: { tabId }, files: ['style.css', 'style.css'] }),
    'insert unknown tab': () => s.insertCSS({ target: { tabId: 987654 }, css: 'p {}' }),
    'remove unknown tab': () => s.removeCSS({ target: { tabId: 987654 }, css: 'p {}' }),
    'insert bad origin': () => s.insertCSS({ target: { tabId }, css: 'p {}', origin: 'NOPE' }),
    'insert no target': () => s.insertCSS({ css: 'p {}' }),
  };
  for (const [name, call] of Object.entries(cases)) console.log('@sb', name, await outcome(call));
  console.log('@sb', 'enums', [s.ExecutionWorld, s.StyleOrigin]);
  console.log('@sb', 'keys', Object.keys(s));
  s.insertCSS({ target: { tabId }, css: 'p {}' }, (...args) => {
    console.log('@sb', 'callback', [args.length, chrome.runtime.lastError]);
    console.log('@sb', 'done', true);
  });
}

chrome.runtime.onMessage.addListener((message, sender) => {
  if (message === 'ready') run(sender.tab.id).catch((error) => console.log('@sb', 'failed', error.message));
});
