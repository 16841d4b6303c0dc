const secret = 'only in the worker';

/** An injection result with its subframe results in url order (Chrome puts the top frame first, the rest in any order). */
const ordered = (results) => [results[0], ...results.slice(1).sort((a, b) => JSON.stringify(a.result).localeCompare(JSON.stringify(b.result)))];

async function run(tabId) {
  const all = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['frame-info.js'] });
  console.log('@sb', 'all frames count', all.length);
  console.log('@sb', 'all frames keys', all.map((r) => Object.keys(r)));
  console.log('@sb', 'all frames', ordered(all));

  const top = await chrome.scripting.executeScript({ target: { tabId }, files: ['frame-info.js'] });
  console.log('@sb', 'top frame only', top);

  const args = await chrome.scripting.executeScript({
    target: { tabId },
    func: (text, object, list) => [text, object, list, typeof text, document.title],
    args: ['x', { n: 1, nested: { ok: true } }, [1, 'two', null]],
  });
  console.log('@sb', 'func with args', args.map((r) => r.result));

  // The first subframe in url order: Chrome's own order of subframes varies from run to run.
  const [, first] = ordered(all);
  const byFrameId = await chrome.scripting.executeScript({ target: { tabId, frameIds: [first.frameId] }, func: () => location.href });
  console.log('@sb', 'by frame id', byFrameId.map((r) => [r.frameId === first.frameId, r.documentId === first.documentId, r.result]));

  const byDocumentId = await chrome.scripting.executeScript({ target: { tabId, documentIds: [all[0].documentId] }, func: () => location.pathname });
  console.log('@sb', 'by document id', byDocumentId);

  const awaited = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => new Promise((resolve) => setTimeout(() => resolve('after a timer'), 20)),
  });
  console.log('@sb', 'promise awaited', awaited.map((r) => r.result));

  const nothing = await chrome.scripting.executeScript({ target: { tabId }, func: () => {} });
  console.log('@sb', 'undefined result keys', nothing.map((r) => Object.keys(r)));
  const nullResult = await chrome.scripting.executeScript({ target: { tabId }, func: () => null });
  console.log('@sb', 'null result keys', nullResult.map((r) => [Object.keys(r), r.result]));
  const declared = await chrome.scripting.executeScript({ target: { tabId }, files: ['nothing.js'] });
  console.log('@sb', 'file ending in a declaration', declared.map((r) => Object.keys(r)));

  const converted = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => ({ date: new Date(0), fn() {}, missing: undefined, nan: NaN, inf: -Infinity, map: new Map([[1, 2]]), set: new Set([1]), regexp: /x/g, nested: [undefined, () => 1, 2], negativeZero: -0 }),
  });
  console.log('@sb', 'converted result', converted.map((r) => r.result));
  const argResults = [];
  for (const [name, value] of [['undefined', undefined], ['NaN', NaN], ['date', new Date(0)], ['undefined property', { a: undefined, b: 1 }], ['undefined element', [undefined]], ['function', () => 1], ['null', null]]) {
    try {
      const results = await chrome.scripting.executeScript({ target: { tabId }, func: (value) => [typeof value, value], args: [value] });
      argResults.push([name, results[0].result]);
    } catch (error) {
      argResults.push([name, error.message]);
    }
  }
  console.log('@sb', 'converted args', argResults);
  const nothingAgain = await chrome.scripting.executeScript({ target: { tabId }, func: () => undefined });
  console.log('@sb', 'undefined result is null', nothingAgain.map((r) => [r.result === null, 'result' in r]));
  const closure = await chrome.scripting.executeScript({ target: { tabId }, func: () => secret }).then(
    (results) => ['resolved', results],
    (error) => ['rejected', error.message],
  );
  console.log('@sb', 'closure', closure);
  const thrown = await chrome.scripting.executeScript({ target: { tabId }, func: () => { throw new Error('boom'); } }).then(
    (results) => ['resolved', results],
    (error) => ['rejected', error.message],
  );
  console.log('@sb', 'thrown', thrown);
  const rejected = await chrome.scripting.executeScript({ target: { tabId }, func: () => Promise.reject(new Error('no')) }).then(
    (results) => ['resolved', results],
    (error) => ['rejected', error.message],
  );
  console.log('@sb', 'rejected', rejected);

  const message = await chrome.scripting.executeScript({ target: { tabId }, files: ['message.js'] });
  console.log('@sb', 'message answer as result', message.map((r) => r.result));

  const worlds = await Promise.all(['ISOLATED', 'MAIN'].map((world) => chrome.scripting.executeScript({
    target: { tabId },
    world,
    func: () => [typeof pageVariable, typeof contentScriptVariable, typeof chrome, typeof chrome.runtime],
  })));
  console.log('@sb', 'worlds', worlds.map((results) => results[0].result));

  chrome.scripting.executeScript({ target: { tabId }, func: (a) => a * 2, args: [21] }, (results) => {
    console.log('@sb', 'callback', [results.map((r) => r.result), chrome.runtime.lastError]);
    console.log('@sb', 'done', true);
  });
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message === 'ready') {
    run(sender.tab.id).catch((error) => console.log('@sb', 'failed', error.message));
    return;
  }
  if (message.injected) {
    console.log('@sb', 'injected sender', sender);
    sendResponse('answer to ' + message.injected);
  }
});
