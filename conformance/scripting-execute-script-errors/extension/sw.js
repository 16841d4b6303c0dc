const func = () => location.href;

/** What a call gives: its results, its rejection's message, or the TypeError it throws; tab ids written as <tab>. */
async function outcome(tabId, injection) {
  const hide = (text) => text.replace(new RegExp(`\\b${tabId}\\b`, 'g'), '<tab>');
  try {
    const results = await chrome.scripting.executeScript(injection);
    return ['resolved', results.map((r) => r.result)];
  } catch (error) {
    return [error.constructor.name, hide(error.message)];
  }
}

async function run(tabId, otherTabId) {
  const cases = {
    'no host permission': { target: { tabId: otherTabId }, func },
    'no host permission, files': { target: { tabId: otherTabId }, files: ['inject.js'] },
    'all frames skips the frame without permission': { target: { tabId, allFrames: true }, func },
    'subframe without permission': 'subframe',
    'unknown tab': { target: { tabId: 987654 }, func },
    'files and func': { target: { tabId }, files: ['inject.js'], func },
    'neither files nor func': { target: { tabId } },
    'args with files': { target: { tabId }, files: ['inject.js'], args: [1] },
    'missing file': { target: { tabId }, files: ['missing.js'] },
    'no files': { target: { tabId }, files: [] },
    'duplicate file': { target: { tabId }, files: ['inject.js', 'inject.js'] },
    'leading slash': { target: { tabId }, files: ['/inject.js'] },
    'all frames and frame ids': { target: { tabId, allFrames: true, frameIds: [0] }, func },
    'all frames false and frame ids': { target: { tabId, allFrames: false, frameIds: [0] }, func },
    'frame ids and document ids': { target: { tabId, frameIds: [0], documentIds: ['0123456789ABCDEF0123456789ABCDEF'] }, func },
    'unknown frame id': { target: { tabId, frameIds: [0, 424242] }, func },
    'empty frame ids': { target: { tabId, frameIds: [] }, func },
    'malformed document id': { target: { tabId, documentIds: ['nope'] }, func },
    'unknown document id': { target: { tabId, documentIds: ['0123456789ABCDEF0123456789ABCDEF'] }, func },
    'bad world': { target: { tabId }, func, world: 'NOPE' },
    'user script world': { target: { tabId }, func, world: 'USER_SCRIPT' },
    'no target': { func },
    'func not a function': { target: { tabId }, func: 'location.href' },
    'unknown property': { target: { tabId }, func, extra: 1 },
    'tab id not an integer': { target: { tabId: 'x' }, func },
    'function alias': { target: { tabId }, function: func },
    'function and func': { target: { tabId }, function: func, func },
    'inject immediately': { target: { tabId }, func, injectImmediately: true },
  };
  for (const [name, injection] of Object.entries(cases)) {
    if (injection === 'subframe') {
      const frames = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => 0 });
      const all = await chrome.webNavigation?.getAllFrames?.({ tabId });
      console.log('@sb', name, [frames.length, all === undefined]);
      continue;
    }
    console.log('@sb', name, await outcome(tabId, injection));
  }
  try {
    chrome.scripting.executeScript();
  } catch (error) {
    console.log('@sb', 'no arguments', [error.constructor.name, error.message]);
  }
  chrome.scripting.executeScript({ target: { tabId: 987654 }, func }, (results) => {
    console.log('@sb', 'callback error', [results, chrome.runtime.lastError.message]);
    console.log('@sb', 'done', true);
  });
}

chrome.runtime.onMessage.addListener(async (message, sender) => {
  if (message !== 'ready') return;
  const tabs = await chrome.tabs.query({});
  const other = tabs.find((tab) => tab.id !== sender.tab.id);
  run(sender.tab.id, other.id).catch((error) => console.log('@sb', 'failed', error.message));
});
