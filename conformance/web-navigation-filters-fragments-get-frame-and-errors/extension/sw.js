const filters = {
  hostEquals: { url: [{ hostEquals: 'a.test' }] },
  hostContainsDot: { url: [{ hostContains: '.a' }] },
  hostSuffix: { url: [{ hostSuffix: '.test' }] },
  hostPrefix: { url: [{ hostPrefix: 'a.' }] },
  pathEquals: { url: [{ pathEquals: '/plain.html' }] },
  pathSuffix: { url: [{ pathSuffix: 'x.html' }] },
  queryEquals: { url: [{ queryEquals: 'q=1' }] },
  queryPrefixMark: { url: [{ queryPrefix: '?q' }] },
  queryContains: { url: [{ queryContains: '=' }] },
  urlMatches: { url: [{ urlMatches: 'plain\\.html' }] },
  urlMatchesFragment: { url: [{ urlMatches: '#part' }] },
  urlContainsFragment: { url: [{ urlContains: 'part' }] },
  urlEquals: { url: [{ urlEquals: 'http://a.test/index.html' }] },
  urlPrefixDefaultPort: { url: [{ urlPrefix: 'http://a.test:80/' }] },
  urlSuffix: { url: [{ urlSuffix: '?q=1' }] },
  originAndPath: { url: [{ originAndPathMatches: '^http://a\\.test/plain\\.html$' }] },
  schemesHttps: { url: [{ schemes: ['https'] }] },
  ports: { url: [{ ports: [80] }] },
  portRange: { url: [{ ports: [[1, 79]] }] },
  emptyList: { url: [] },
  noUrl: {},
  allCriteria: { url: [{ hostEquals: 'a.test', pathSuffix: 'plain.html' }] },
  anyFilter: { url: [{ pathEquals: '/nothing' }, { queryEquals: 'q=1' }] },
  otherKey: { tabId: 1 },
};
for (const [label, filter] of Object.entries(filters)) {
  // The harness opens Chromium's tabs on about:blank first: only http pages are reported.
  chrome.webNavigation.onCommitted.addListener((details) => {
    if (details.url.startsWith('http:')) console.log('@sb', `filter ${label}`, details.url);
  }, filter);
}
for (const name of ['onBeforeNavigate', 'onCommitted', 'onDOMContentLoaded', 'onCompleted', 'onReferenceFragmentUpdated']) {
  chrome.webNavigation[name].addListener((details) => {
    const { timeStamp, processId, ...rest } = details;
    console.log('@sb', name, { ...rest, timeStamp: typeof timeStamp, processId: processId > 0 ? 'positive' : processId });
  }, { url: [{ hostEquals: 'a.test' }] });
}

const bad = {
  string: 'x', number: 5, null: null, urlString: { url: 'x' }, urlOfStrings: { url: ['x'] }, unknownCriterion: { url: [{ hostEqual: 'a' }] },
  wrongType: { url: [{ hostEquals: 1 }] }, upperCaseHost: { url: [{ hostEquals: 'A.TEST' }] }, badExpression: { url: [{ urlMatches: '(' }] },
  portString: { url: [{ ports: ['80'] }] }, schemesString: { url: [{ schemes: 'http' }] },
};
const errors = {};
for (const [label, filter] of Object.entries(bad)) {
  try {
    chrome.webNavigation.onCompleted.addListener(() => {}, filter);
    errors[label] = 'added';
  } catch (error) {
    errors[label] = `${error.constructor.name}: ${error.message}`;
  }
}
try {
  chrome.webNavigation.onTabReplaced.addListener(() => {}, { url: [] });
} catch (error) {
  errors.onTabReplaced = `${error.constructor.name}: ${error.message}`;
}
const listener = () => {};
chrome.webNavigation.onCompleted.addListener(listener, { url: [{ hostEquals: 'x.test' }] });
chrome.webNavigation.onCompleted.addListener(listener, { url: [{ hostEquals: 'y.test' }] });
errors.hasListener = chrome.webNavigation.onCompleted.hasListener(listener);
chrome.webNavigation.onCompleted.removeListener(listener);
errors.hasListenerAfterRemove = chrome.webNavigation.onCompleted.hasListener(listener);
console.log('@sb', 'filter errors', errors);

self.getFrames = async () => {
  const out = {};
  const attempt = async (label, call) => {
    try {
      out[label] = await call();
    } catch (error) {
      out[label] = `error: ${error.message}`;
    }
  };
  const [tab] = await chrome.tabs.query({ url: 'http://a.test/*' });
  const all = await chrome.webNavigation.getAllFrames({ tabId: tab.id });
  const main = await chrome.webNavigation.getFrame({ tabId: tab.id, frameId: 0 });
  out.main = main;
  await attempt('subframe', () => chrome.webNavigation.getFrame({ tabId: tab.id, frameId: all[1].frameId }));
  await attempt('byDocumentId', () => chrome.webNavigation.getFrame({ documentId: main.documentId }));
  await attempt('byDocumentIdLowerCase', () => chrome.webNavigation.getFrame({ documentId: main.documentId.toLowerCase() }));
  await attempt('byDocumentIdOtherTab', () => chrome.webNavigation.getFrame({ tabId: tab.id + 1000, documentId: main.documentId }));
  await attempt('unknownTab', () => chrome.webNavigation.getFrame({ tabId: 99999, frameId: 0 }));
  await attempt('unknownFrame', () => chrome.webNavigation.getFrame({ tabId: tab.id, frameId: 12345 }));
  await attempt('unknownDocument', () => chrome.webNavigation.getFrame({ documentId: '0123456789ABCDEF0123456789ABCDEF' }));
  await attempt('tabOnly', () => chrome.webNavigation.getFrame({ tabId: tab.id }));
  await attempt('badDocumentId', () => chrome.webNavigation.getFrame({ tabId: tab.id, frameId: 0, documentId: 'ABC' }));
  await attempt('noArguments', () => chrome.webNavigation.getFrame());
  await attempt('tabIdString', () => chrome.webNavigation.getFrame({ tabId: 'x', frameId: 0 }));
  await attempt('frameIdNegative', () => chrome.webNavigation.getFrame({ tabId: tab.id, frameId: -1 }));
  await attempt('allFramesUnknownTab', () => chrome.webNavigation.getAllFrames({ tabId: 99999 }));
  await attempt('allFramesNoTab', () => chrome.webNavigation.getAllFrames({}));
  await new Promise((resolve) => {
    chrome.webNavigation.getFrame({ tabId: tab.id }, (...args) => {
      out.callback = { args, lastError: chrome.runtime.lastError?.message };
      resolve();
    });
  });
  return out;
};
console.log('@sb', 'ready', [chrome.webNavigation.TransitionType, chrome.webNavigation.TransitionQualifier]);
