/**
 * runtime.getPackageDirectoryEntry: the extension's folder as Chrome gives it to an extension
 * page, a read-only isolated file system of the FileSystem API (DOMFileSystem, DirectoryEntry,
 * FileEntry, DirectoryReader) whose root holds the package at `/crxfs`. Observed in Chromium 156
 * (conformance/runtime-get-package-directory-entry-reads-the-package): the entries' attributes
 * live on their prototypes, which have no constructor of their own; `toURL()` is empty; a reader
 * lists once, then gives nothing; a missing path is NotFoundError, an entry of the other kind
 * TypeMismatchError, and asking to create is SecurityError; a file is the page's own File with
 * Chrome's MIME type; answers come in later tasks.
 *
 * The objects are the host's, and reach the page through its membrane; what they read is confined
 * to the extension's folder as every file the loader reads is (folder-files.ts).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { DOMWindow } from 'jsdom';
import type { ScriptContext } from '../core/context.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { fileIn } from './folder-files.ts';
import { mimeTypeOf } from './worker-fetch.ts';

/** Where the package sits in its file system. */
const PACKAGE_ROOT = '/crxfs';

const NOT_FOUND = ['NotFoundError', 'A requested file or directory could not be found at the time an operation was processed.'] as const;
const TYPE_MISMATCH = ['TypeMismatchError', 'The path supplied exists, but was not an entry of requested type.'] as const;
const SECURITY = [
  'SecurityError',
  'It was determined that certain files are unsafe for access within a Web application, or that too many calls are being made on file resources.',
] as const;

interface FileSystem {
  readonly name: string;
  readonly files: ExtensionFiles;
  readonly window: DOMWindow;
  readonly context: ScriptContext;
  root?: object;
}

interface EntryState {
  readonly fileSystem: FileSystem;
  /** The entry's full path in its file system ("/crxfs/sub/note.txt"). */
  readonly fullPath: string;
  readonly directory: boolean;
}

const entries = new WeakMap<object, EntryState>();
const fileSystems = new WeakMap<object, FileSystem>();
const readers = new WeakMap<object, { directory: EntryState; read: boolean }>();

type Callback = (...args: unknown[]) => unknown;

const stateOf = (entry: unknown): EntryState => {
  const state = entries.get(entry as object);
  if (!state) throw new TypeError('Illegal invocation');
  return state;
};

/** Runs a success or error callback in a later task, as the file system answers. */
function answer(fileSystem: FileSystem, callback: unknown, ...args: unknown[]): void {
  if (typeof callback !== 'function') return;
  const { context } = fileSystem;
  context.browser.post(() => {
    if (context.valid) (callback as Callback)(...args);
  });
}

function fail(fileSystem: FileSystem, callback: unknown, [name, message]: readonly [string, string]): void {
  answer(fileSystem, callback, new fileSystem.window.DOMException(message, name));
}

/** The real path on disk behind a full path of the package, if it names something inside the folder. */
function diskPath(fileSystem: FileSystem, fullPath: string): string | undefined {
  if (fullPath === PACKAGE_ROOT) return fileSystem.files.root;
  if (!fullPath.startsWith(`${PACKAGE_ROOT}/`)) return undefined;
  return fileIn(fileSystem.files.root, fullPath.slice(PACKAGE_ROOT.length + 1));
}

/** Whether the full path names a directory (true), a file (false), or nothing (undefined). */
function kindOf(fileSystem: FileSystem, fullPath: string): boolean | undefined {
  if (fullPath === '/') return true;
  const path = diskPath(fileSystem, fullPath);
  if (path === undefined) return undefined;
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? true : stat.isFile() ? false : undefined;
  } catch {
    return undefined;
  }
}

/** `path` resolved against the directory `base`, as the FileSystem API resolves it ("." and ".." too). */
function resolvePath(base: string, path: string): string {
  const parts = path.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function nameOf(fullPath: string): string {
  return fullPath.slice(fullPath.lastIndexOf('/') + 1);
}

function entryOf(fileSystem: FileSystem, fullPath: string, directory: boolean): object {
  const entry = Object.create(directory ? directoryEntryPrototype : fileEntryPrototype) as object;
  entries.set(entry, { fileSystem, fullPath, directory });
  return entry;
}

/** A method the read-only package refuses: SecurityError to its error callback, the argument at `errorIndex`. */
function refused(name: string, errorIndex: number): (...args: unknown[]) => void {
  const method = function (this: unknown, ...args: unknown[]): void {
    fail(stateOf(this).fileSystem, args[errorIndex], SECURITY);
  };
  return Object.defineProperty(method, 'name', { value: name });
}

const entryPrototype: object = Object.create(Object.prototype, {
  isFile: { get: function (this: unknown) { return !stateOf(this).directory; }, enumerable: true, configurable: true },
  isDirectory: { get: function (this: unknown) { return stateOf(this).directory; }, enumerable: true, configurable: true },
  name: { get: function (this: unknown) { return nameOf(stateOf(this).fullPath); }, enumerable: true, configurable: true },
  fullPath: { get: function (this: unknown) { return stateOf(this).fullPath; }, enumerable: true, configurable: true },
  filesystem: { get: function (this: unknown) { return fileSystemObject(stateOf(this).fileSystem); }, enumerable: true, configurable: true },
  getParent: {
    value: function getParent(this: unknown, successCallback?: unknown) {
      const { fileSystem, fullPath } = stateOf(this);
      const parent = fullPath === '/' ? '/' : fullPath.slice(0, fullPath.lastIndexOf('/')) || '/';
      answer(fileSystem, successCallback, entryOf(fileSystem, parent, true));
    },
    writable: true, enumerable: true, configurable: true,
  },
  getMetadata: {
    value: function getMetadata(this: unknown, successCallback?: unknown, errorCallback?: unknown) {
      const { fileSystem, fullPath } = stateOf(this);
      const path = diskPath(fileSystem, fullPath);
      if (path === undefined) return fail(fileSystem, errorCallback, NOT_FOUND);
      const stat = statSync(path);
      const metadata = Object.create(metadataPrototype, {
        modificationTime: { value: new Date(stat.mtimeMs), enumerable: true },
        size: { value: stat.isFile() ? stat.size : 0, enumerable: true },
      }) as object;
      answer(fileSystem, successCallback, metadata);
    },
    writable: true, enumerable: true, configurable: true,
  },
  toURL: { value: function toURL() { return ''; }, writable: true, enumerable: true, configurable: true },
  // A package is read-only: moving, copying and removing are refused.
  moveTo: { value: refused('moveTo', 3), writable: true, enumerable: true, configurable: true },
  copyTo: { value: refused('copyTo', 3), writable: true, enumerable: true, configurable: true },
  remove: { value: refused('remove', 1), writable: true, enumerable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'Entry', configurable: true },
});

const metadataPrototype: object = Object.create(Object.prototype, { [Symbol.toStringTag]: { value: 'Metadata', configurable: true } });

/** getFile and getDirectory: the entry of the kind asked for at `path`, or the error Chrome gives. */
function getEntry(directory: boolean) {
  return function (this: unknown, path?: unknown, options?: unknown, successCallback?: unknown, errorCallback?: unknown): void {
    const { fileSystem, fullPath } = stateOf(this);
    if (typeof options === 'object' && options !== null && (options as { create?: unknown }).create) return fail(fileSystem, errorCallback, SECURITY);
    const target = resolvePath(fullPath, String(path ?? ''));
    const kind = kindOf(fileSystem, target);
    if (kind === undefined) return fail(fileSystem, errorCallback, NOT_FOUND);
    if (kind !== directory) return fail(fileSystem, errorCallback, TYPE_MISMATCH);
    answer(fileSystem, successCallback, entryOf(fileSystem, target, directory));
  };
}

const directoryEntryPrototype: object = Object.create(entryPrototype, {
  createReader: {
    value: function createReader(this: unknown) {
      const reader = Object.create(directoryReaderPrototype) as object;
      readers.set(reader, { directory: stateOf(this), read: false });
      return reader;
    },
    writable: true, enumerable: true, configurable: true,
  },
  getFile: { value: Object.defineProperty(getEntry(false), 'name', { value: 'getFile' }), writable: true, enumerable: true, configurable: true },
  getDirectory: { value: Object.defineProperty(getEntry(true), 'name', { value: 'getDirectory' }), writable: true, enumerable: true, configurable: true },
  removeRecursively: {
    value: function removeRecursively(this: unknown, _successCallback?: unknown, errorCallback?: unknown) {
      fail(stateOf(this).fileSystem, errorCallback, SECURITY);
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'DirectoryEntry', configurable: true },
});

const fileEntryPrototype: object = Object.create(entryPrototype, {
  file: {
    value: function file(this: unknown, successCallback?: unknown, errorCallback?: unknown) {
      const { fileSystem, fullPath } = stateOf(this);
      const path = diskPath(fileSystem, fullPath);
      let bytes: Uint8Array<ArrayBuffer>;
      let modified: number;
      try {
        bytes = new Uint8Array(readFileSync(path!));
        modified = statSync(path!).mtimeMs;
      } catch {
        return fail(fileSystem, errorCallback, NOT_FOUND);
      }
      const name = nameOf(fullPath);
      answer(fileSystem, successCallback, new fileSystem.window.File([bytes], name, { type: mimeTypeOf(name) ?? '', lastModified: modified }));
    },
    writable: true, enumerable: true, configurable: true,
  },
  createWriter: {
    value: function createWriter(this: unknown, _successCallback?: unknown, errorCallback?: unknown) {
      fail(stateOf(this).fileSystem, errorCallback, SECURITY);
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'FileEntry', configurable: true },
});

const directoryReaderPrototype: object = Object.create(Object.prototype, {
  readEntries: {
    value: function readEntries(this: unknown, successCallback?: unknown, errorCallback?: unknown) {
      const reader = readers.get(this as object);
      if (!reader) throw new TypeError('Illegal invocation');
      const { fileSystem, fullPath } = reader.directory;
      if (reader.read) return answer(fileSystem, successCallback, []);
      reader.read = true;
      const listed: object[] = [];
      if (fullPath === '/') listed.push(entryOf(fileSystem, PACKAGE_ROOT, true));
      else {
        const path = diskPath(fileSystem, fullPath);
        if (path === undefined) return fail(fileSystem, errorCallback, NOT_FOUND);
        for (const name of readdirSync(path).sort()) {
          const child = `${fullPath}/${name}`;
          // What a symlink inside points to outside the folder is not in the package.
          const kind = kindOf(fileSystem, child);
          if (kind !== undefined) listed.push(entryOf(fileSystem, child, kind));
        }
      }
      answer(fileSystem, successCallback, listed);
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'DirectoryReader', configurable: true },
});

const fileSystemPrototype: object = Object.create(Object.prototype, {
  name: { get: function (this: unknown) { return fileSystems.get(this as object)!.name; }, enumerable: true, configurable: true },
  root: {
    get: function (this: unknown) {
      const fileSystem = fileSystems.get(this as object)!;
      return (fileSystem.root ??= entryOf(fileSystem, '/', true));
    },
    enumerable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'DOMFileSystem', configurable: true },
});

const fileSystemObjects = new WeakMap<FileSystem, object>();

function fileSystemObject(fileSystem: FileSystem): object {
  let object = fileSystemObjects.get(fileSystem);
  if (!object) {
    object = Object.create(fileSystemPrototype) as object;
    fileSystems.set(object, fileSystem);
    fileSystemObjects.set(fileSystem, object);
  }
  return object;
}

/**
 * A new isolated file system over the extension's folder, for the page `context` (its window's
 * File and DOMException make what it answers with), and its package's DirectoryEntry.
 */
export function packageDirectoryEntry(context: ScriptContext, files: ExtensionFiles, window: DOMWindow): object {
  const name = `chrome-extension_${files.extensionId}_0:Isolated_${randomBytes(16).toString('hex').toUpperCase()}`;
  return entryOf({ name, files, window, context }, PACKAGE_ROOT, true);
}
