const report = (label, value) => console.log('@sb', label, value);
const attempt = async (label, run) => {
  try {
    report(label, await run());
  } catch (error) {
    report(label, `${error.name}: ${error.message}`);
  }
};

const globals = ['fetch', 'Request', 'Response', 'Headers', 'Blob', 'File', 'FormData', 'crypto', 'navigator', 'location', 'performance',
  'EventTarget', 'Event', 'CustomEvent', 'DOMException', 'ReadableStream', 'indexedDB', 'IDBFactory', 'IDBKeyRange', 'IDBDatabase',
  'IDBObjectStore', 'IDBTransaction', 'IDBRequest', 'IDBCursor', 'IDBIndex', 'caches', 'CacheStorage', 'Cache', 'WorkerNavigator',
  'WorkerLocation', 'Crypto', 'SubtleCrypto', 'CryptoKey', 'origin', 'isSecureContext', 'crossOriginIsolated', 'reportError', 'XMLHttpRequest', 'localStorage', 'document', 'window'];
report('typeof', Object.fromEntries(globals.map((name) => [name, typeof self[name]])));
report('navigator', {
  userAgent: navigator.userAgent, appVersion: navigator.appVersion, platform: navigator.platform, language: navigator.language, languages: navigator.languages,
  onLine: navigator.onLine, appName: navigator.appName, appCodeName: navigator.appCodeName, product: navigator.product,
  hardwareConcurrency: typeof navigator.hardwareConcurrency, deviceMemory: typeof navigator.deviceMemory, serviceWorker: typeof navigator.serviceWorker,
  string: String(navigator), isWorkerNavigator: navigator instanceof WorkerNavigator,
});
const locationKeys = [];
for (const key in location) locationKeys.push(key);
report('location', { keys: locationKeys, href: location.href, origin: location.origin, protocol: location.protocol, host: location.host, pathname: location.pathname, string: String(location), json: JSON.stringify(location) });
report('self.origin', self.origin);
report('crossOriginIsolated', crossOriginIsolated);
report('performance', { now: typeof performance.now(), timeOrigin: typeof performance.timeOrigin, string: String(performance) });
report('crypto', {
  randomUUID: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()),
  getRandomValues: crypto.getRandomValues(new Uint8Array(4)).length, subtle: typeof crypto.subtle, string: String(crypto),
});

(async () => {
  await attempt('fetch own json', async () => await (await fetch(chrome.runtime.getURL('data.json'))).json());
  await attempt('fetch own json response', async () => {
    const response = await fetch(chrome.runtime.getURL('data.json'));
    return { status: response.status, ok: response.ok, statusText: response.statusText, url: response.url, type: response.type, redirected: response.redirected, contentType: response.headers.get('content-type'), isResponse: response instanceof Response };
  });
  await attempt('fetch relative text', async () => {
    const response = await fetch('note.txt');
    return { url: response.url, contentType: response.headers.get('content-type'), text: await response.text() };
  });
  await attempt('fetch own script type', async () => (await fetch('/sw.js')).headers.get('content-type'));
  await attempt('fetch missing own file', () => fetch('missing.json'));
  await attempt('fetch unreachable', () => fetch('http://unreachable.invalid/'));
  await attempt('fetch another extension', () => fetch('chrome-extension://abcdefghijklmnopabcdefghijklmnop/data.json'));
  await attempt('fetch permitted site', async () => {
    const response = await fetch('http://a.test/data.json');
    return { status: response.status, type: response.type, url: response.url, body: await response.json() };
  });
  await attempt('fetch site without permission', () => fetch('http://b.test/data.json'));
  await attempt('fetch no-cors site without permission', async () => {
    const response = await fetch('http://b.test/data.json', { mode: 'no-cors' });
    return { status: response.status, type: response.type, ok: response.ok };
  });
  await attempt('fetch invalid url', () => fetch('http://[bad'));
  await attempt('fetch data url', async () => (await fetch('data:text/plain,hi')).text());
  await attempt('response json', async () => {
    const value = await new Response('{"a":[1]}').json();
    return { value, ownObject: Object.getPrototypeOf(value) === Object.prototype, array: Array.isArray(value.a) };
  });
  await attempt('blob', async () => {
    const blob = new Blob(['ab', 'c'], { type: 'text/plain' });
    return { size: blob.size, type: blob.type, text: await blob.text(), slice: await blob.slice(1).text() };
  });
  await attempt('formdata', () => {
    const form = new FormData();
    form.append('a', '1');
    return [...form];
  });
  await attempt('subtle digest', async () => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')))].slice(0, 4));
  await attempt('indexedDB round trip', () => new Promise((resolve, reject) => {
    const open = indexedDB.open('scenario', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('store');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const write = db.transaction('store', 'readwrite');
      write.objectStore('store').put({ n: 1, list: ['x'] }, 'key');
      write.oncomplete = () => {
        const read = db.transaction('store').objectStore('store').get('key');
        read.onsuccess = () => {
          resolve({ value: read.result, stores: [...db.objectStoreNames], version: db.version });
          db.close();
        };
      };
    };
  }));
  await attempt('IDBKeyRange', () => IDBKeyRange.bound(1, 5).includes(3));
  await attempt('caches put and match', async () => {
    const cache = await caches.open('v1');
    await cache.put('https://example.test/a', new Response('cached body', { headers: { 'content-type': 'text/plain' } }));
    const hit = await cache.match('https://example.test/a');
    const miss = await cache.match('https://example.test/b');
    return {
      text: await hit.text(), contentType: hit.headers.get('content-type'), status: hit.status, url: hit.url, type: hit.type, miss: typeof miss,
      keys: (await cache.keys()).map((request) => request.url), names: await caches.keys(), has: await caches.has('v1'),
    };
  });
  await attempt('caches put chrome-extension url', async () => (await caches.open('v1')).put(chrome.runtime.getURL('data.json'), new Response('x')));
  await attempt('caches put post', async () => (await caches.open('v1')).put(new Request('https://example.test/p', { method: 'POST', body: 'x' }), new Response('x')));
  await attempt('caches delete', async () => [await caches.delete('v1'), await caches.delete('v1'), await caches.keys()]);
  await attempt('events', () => {
    const target = new EventTarget();
    let seen = '';
    target.addEventListener('ping', (event) => {
      seen = `${event.type} ${event instanceof Event}`;
    });
    target.dispatchEvent(new Event('ping'));
    return seen;
  });
  report('done', true);
})();
