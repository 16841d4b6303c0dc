const runtime = chrome.runtime;
console.log('@sb', 'runtime keys', Object.keys(runtime));
console.log('@sb', 'id', [typeof runtime.id, typeof runtime.dynamicId]);
console.log('@sb', 'lastError is a key', 'lastError' in runtime);
for (const name of Object.keys(runtime)) {
  if (/^[A-Z]/.test(name)) console.log('@sb', name, runtime[name]);
}
console.log('@sb', 'browser', [typeof browser, Object.keys(browser), browser.runtime === chrome.runtime, browser === chrome]);
console.log('@sb', 'done');
