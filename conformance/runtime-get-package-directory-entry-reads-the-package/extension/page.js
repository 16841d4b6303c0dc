// Each step waits for the one before: the file system answers on its own thread in Chrome.
const report = (label, value) => console.log('@sb', label, value);
const failure = (error) => [error?.name, error?.message, error instanceof DOMException];
const id = chrome.runtime.id;
const clean = (text) => String(text).split(id).join('<id>');
const settle = (start) => new Promise((resolve) => start((value) => resolve({ value }), (error) => resolve({ error: failure(error) })));

async function explore(root) {
  report('callback', {
    lastError: chrome.runtime.lastError?.message ?? null,
    type: Object.prototype.toString.call(root),
    name: root.name,
    fullPath: root.fullPath,
    isFile: root.isFile,
    isDirectory: root.isDirectory,
    filesystem: [
      Object.prototype.toString.call(root.filesystem),
      /^chrome-extension_<id>_0:Isolated_[0-9A-F]{32}$/.test(clean(root.filesystem.name)),
      root.filesystem.root === root,
      root.filesystem.root.fullPath,
      Object.keys(root.filesystem),
    ],
    url: clean(root.toURL()),
    ownKeys: Object.keys(root),
    protoChain: [Object.getPrototypeOf(root).constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(root)).constructor.name],
  });
  const reader = root.createReader();
  const first = await settle((ok, fail) => reader.readEntries(ok, fail));
  report('entries', first.value.map((entry) => [entry.name, entry.fullPath, entry.isFile]).sort());
  const second = await settle((ok, fail) => reader.readEntries(ok, fail));
  report('entries, read again', second.value.length);
  const note = await settle((ok, fail) => root.getFile('sub/note.txt', {}, ok, fail));
  report('file entry', [note.value.name, note.value.fullPath, note.value.isFile, Object.prototype.toString.call(note.value), clean(note.value.toURL())]);
  const file = await settle((ok, fail) => note.value.file(ok, fail));
  report('file', [Object.prototype.toString.call(file.value), file.value instanceof File, file.value.name, file.value.size, file.value.type, await file.value.text()]);
  const attempts = [
    ['file that is a directory', (ok, fail) => root.getFile('sub', {}, ok, fail)],
    ['directory that is a file', (ok, fail) => root.getDirectory('sub/note.txt', {}, ok, fail)],
    ['absolute path', (ok, fail) => root.getFile('/crxfs/sub/../page.js', {}, ok, fail)],
    ['missing', (ok, fail) => root.getFile('missing.txt', {}, ok, fail)],
    ['create', (ok, fail) => root.getFile('new.txt', { create: true }, ok, fail)],
  ];
  for (const [label, start] of attempts) {
    const outcome = await settle(start);
    report(label, outcome.error ?? outcome.value.fullPath);
  }
  const sub = await settle((ok, fail) => root.getDirectory('sub', {}, ok, fail));
  const inner = await settle((ok, fail) => sub.value.createReader().readEntries(ok, fail));
  report('sub entries', inner.value.map((entry) => [entry.name, entry.fullPath]));
  const parent = await settle((ok, fail) => sub.value.getParent(ok, fail));
  report('parent', [parent.value.name, parent.value.fullPath, parent.value.isDirectory]);
  const promised = await chrome.runtime.getPackageDirectoryEntry();
  report('promised entry', [promised.name, promised.fullPath, promised === root]);
  report('done', true);
}

const returned = chrome.runtime.getPackageDirectoryEntry((root) => {
  explore(root).catch((error) => report('failed', String(error)));
});
report('returned', typeof returned);
