console.log('@sb', 'top level', 'ran');
chrome.runtime.onInstalled.addListener((details) => console.log('@sb', 'installed', details));
const manifest = chrome.runtime.getManifest();
console.log('@sb', 'manifest', manifest);
console.log('@sb', 'manifest keys', Object.keys(manifest));
console.log('@sb', 'fresh copy', chrome.runtime.getManifest() !== manifest);
console.log('@sb', 'version', chrome.runtime.getVersion());
console.log('@sb', 'dynamicId', [typeof chrome.runtime.dynamicId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(chrome.runtime.dynamicId), chrome.runtime.dynamicId === chrome.runtime.id]);
console.log('@sb', 'names', [chrome.runtime.getContexts.name, chrome.runtime.getManifest.name, chrome.runtime.getPlatformInfo.name]);
chrome.runtime.getPlatformInfo((info) => console.log('@sb', 'platform keys', Object.keys(info)));

/** A context with its random id replaced, so that traces compare. */
const described = (context) => ({ ...context, contextId: /^[0-9a-f-]{36}$/.test(context.contextId) ? 'uuid' : context.contextId });

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message !== 'page ready') return;
  (async () => {
    const all = await chrome.runtime.getContexts({});
    console.log('@sb', 'contexts', all.map(described));
    const tabs = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
    console.log('@sb', 'tab contexts', tabs.map((c) => c.documentUrl));
    const none = await chrome.runtime.getContexts({ contextTypes: ['POPUP'] });
    console.log('@sb', 'popup contexts', none);
    const byId = await chrome.runtime.getContexts({ contextIds: [all[0].contextId] });
    console.log('@sb', 'by id', byId.map((c) => c.contextType));
    try {
      chrome.runtime.getContexts({ contextTypes: ['NOPE'] });
    } catch (error) {
      console.log('@sb', 'bad filter', error.message);
    }
    try {
      chrome.runtime.getContexts();
    } catch (error) {
      console.log('@sb', 'no filter', error.message);
    }
    await chrome.runtime.setUninstallURL('https://a.test/bye').then((value) => console.log('@sb', 'uninstall url', value));
    await chrome.runtime.setUninstallURL('').then((value) => console.log('@sb', 'empty uninstall url', value));
    sendResponse('ok');
    console.log('@sb', 'done', true);
  })();
  return true;
});
