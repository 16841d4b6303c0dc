const log = (label, v) => console.log('@sb', label, v);
(async () => {
  log('panel', location.pathname);
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
  log('panel contexts', contexts.map((c) => ({ ...c, contextId: typeof c.contextId, documentId: typeof c.documentId })));
  log('panel getCurrent', String(await chrome.tabs.getCurrent()));
  const window = await chrome.windows.getCurrent();
  await chrome.sidePanel.open({ windowId: window.id }).catch((e) => log('panel open', e.message));
  await chrome.sidePanel.close({ windowId: window.id }).then(() => log('panel closed itself', true));
})();
