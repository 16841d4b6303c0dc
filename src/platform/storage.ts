import type { Browser } from '../core/browser.ts';
import {
  SESSION_STORAGE_QUOTA_EXCEEDED,
  STORAGE_CANNOT_SERIALIZE,
  STORAGE_MAX_ITEMS,
  STORAGE_QUOTA_BYTES,
  STORAGE_QUOTA_BYTES_PER_ITEM,
  STORAGE_READ_ONLY,
} from '../core/errors.ts';
import type { Extension } from '../core/extension.ts';
import {
  compareKeys,
  containsBinary,
  itemBytes,
  sessionItemBytes,
  sorted,
  storedEqual,
  toPlainData,
  toStoredValue,
  type StoredObject,
  type StoredValue,
} from './storage-value.ts';

/**
 * chrome.storage's browser side (extensions/browser/api/storage/): each extension's four areas,
 * their quotas, storage.session's access level, and storage.onChanged. The API surface
 * (src/api/storage.ts) parses arguments and calls this.
 */

export type AreaName = 'local' | 'sync' | 'session' | 'managed';
export const AREA_NAMES: readonly AreaName[] = ['sync', 'session', 'managed', 'local'];

export type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
export const ACCESS_LEVELS: readonly AccessLevel[] = ['TRUSTED_AND_UNTRUSTED_CONTEXTS', 'TRUSTED_CONTEXTS'];

/** One key's change in storage.onChanged, in Chrome's key order. */
export interface StorageChange {
  readonly newValue?: unknown;
  readonly oldValue?: unknown;
}

/** The failure of a storage operation: its message is what the caller's lastError or rejection carries. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}

/** storage.json's constants, per area, in Chrome's order. */
export const AREA_CONSTANTS: Readonly<Record<AreaName, Readonly<Record<string, number>>>> = {
  local: { QUOTA_BYTES: 10485760 },
  sync: {
    QUOTA_BYTES: 102400,
    QUOTA_BYTES_PER_ITEM: 8192,
    MAX_ITEMS: 512,
    MAX_WRITE_OPERATIONS_PER_HOUR: 1800,
    MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
    MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE: 1000000,
  },
  session: { QUOTA_BYTES: 10485760 },
  managed: {},
};

interface Limits {
  readonly quotaBytes: number;
  readonly quotaBytesPerItem: number;
  readonly maxItems: number;
}

/** What a `get` asks for: everything, some keys, or keys with their defaults. */
export type StorageQuery = null | readonly string[] | { readonly defaults: StoredObject };

/**
 * One extension's storage area: a base::Value::Dict. Values go in as StoredValues (converted by
 * the caller's renderer) and come out as plain JSON data.
 */
export class StorageAreaState {
  readonly #values = new Map<string, StoredValue>();

  constructor(
    readonly name: AreaName,
    private readonly limits: () => Limits | undefined,
  ) {}

  /** The stored items asked for, keys in Chrome's order; defaults fill the keys not stored. */
  get(query: StorageQuery = null): Record<string, unknown> {
    const out: Record<string, StoredValue> = {};
    if (query === null) for (const [key, value] of this.#values) out[key] = value;
    else if (Array.isArray(query)) {
      for (const key of query as readonly string[]) if (this.#values.has(key)) out[key] = this.#values.get(key) as StoredValue;
    } else {
      const { defaults } = query as { defaults: StoredObject };
      for (const key of Object.keys(defaults)) out[key] = this.#values.has(key) ? (this.#values.get(key) as StoredValue) : (defaults[key] as StoredValue);
    }
    return toPlainData(sorted(out)) as Record<string, unknown>;
  }

  getKeys(): string[] {
    return [...this.#values.keys()].sort(compareKeys);
  }

  /** getBytesInUse: of the keys named, or of everything. */
  getBytesInUse(keys: readonly string[] | null = null): number {
    if (this.name === 'managed') return 0;
    const size = this.name === 'session' ? sessionItemBytes : itemBytes;
    let total = 0;
    for (const key of keys ?? [...this.#values.keys()]) {
      if (this.#values.has(key)) total += size(key, this.#values.get(key) as StoredValue);
    }
    return total;
  }

  /** Writes `items` (already converted), checking the area's quota first; returns what changed. */
  set(items: StoredObject): Record<string, StorageChange> {
    const keys = Object.keys(items).sort(compareKeys);
    if (this.name === 'session') this.#checkSessionQuota(items, keys);
    else this.#checkQuota(items, keys);
    if (this.name !== 'session' && keys.some((key) => containsBinary(items[key] as StoredValue))) {
      throw new StorageError(STORAGE_CANNOT_SERIALIZE);
    }
    const changes: Record<string, StorageChange> = {};
    for (const key of keys) {
      const value = items[key] as StoredValue;
      const old = this.#values.get(key);
      if (old !== undefined && storedEqual(old, value)) continue;
      changes[key] = old === undefined ? { newValue: toPlainData(value) } : { newValue: toPlainData(value), oldValue: toPlainData(old) };
      this.#values.set(key, value);
    }
    return changes;
  }

  remove(keys: readonly string[]): Record<string, StorageChange> {
    const changes: Record<string, StorageChange> = {};
    for (const key of keys) {
      const old = this.#values.get(key);
      if (old === undefined) continue;
      changes[key] = { oldValue: toPlainData(old) };
      this.#values.delete(key);
    }
    return sorted(changes);
  }

  clear(): Record<string, StorageChange> {
    return this.remove([...this.#values.keys()]);
  }

  /** Forgets everything without a change to report (an unloaded extension's session storage). */
  reset(): void {
    this.#values.clear();
  }

  /** settings_storage_quota_enforcer.cc Set(dict): each item's size, then the total, then the count. */
  #checkQuota(items: StoredObject, keys: readonly string[]): void {
    const limits = this.limits();
    if (!limits) return;
    const perItem = new Map<string, number>();
    for (const [key, value] of this.#values) perItem.set(key, itemBytes(key, value));
    let total = [...perItem.values()].reduce((sum, size) => sum + size, 0);
    for (const key of keys) {
      const size = itemBytes(key, items[key] as StoredValue);
      total += size - (perItem.get(key) ?? 0);
      perItem.set(key, size);
      if (size > limits.quotaBytesPerItem) throw new StorageError(STORAGE_QUOTA_BYTES_PER_ITEM);
    }
    if (total > limits.quotaBytes) throw new StorageError(STORAGE_QUOTA_BYTES);
    if (perItem.size > limits.maxItems) throw new StorageError(STORAGE_MAX_ITEMS);
  }

  /** session_storage_manager.cc CalculateUsage: the estimated memory, at most QUOTA_BYTES - 1. */
  #checkSessionQuota(items: StoredObject, keys: readonly string[]): void {
    let total = this.getBytesInUse();
    for (const key of keys) {
      total += sessionItemBytes(key, items[key] as StoredValue);
      const old = this.#values.get(key);
      if (old !== undefined) total -= sessionItemBytes(key, old);
    }
    if (total >= (AREA_CONSTANTS.session.QUOTA_BYTES as number)) throw new StorageError(SESSION_STORAGE_QUOTA_EXCEEDED);
  }
}

const UNLIMITED = Number.POSITIVE_INFINITY;

/** One extension's storage: its areas and storage.session's access level. */
export class ExtensionStorage {
  readonly #areas: Record<AreaName, StorageAreaState>;
  accessLevel: AccessLevel = 'TRUSTED_CONTEXTS';

  constructor(unlimitedStorage: () => boolean) {
    const sync = AREA_CONSTANTS.sync as Record<string, number>;
    this.#areas = {
      local: new StorageAreaState('local', () =>
        unlimitedStorage() ? undefined : { quotaBytes: AREA_CONSTANTS.local.QUOTA_BYTES as number, quotaBytesPerItem: UNLIMITED, maxItems: UNLIMITED }),
      sync: new StorageAreaState('sync', () => ({ quotaBytes: sync.QUOTA_BYTES!, quotaBytesPerItem: sync.QUOTA_BYTES_PER_ITEM!, maxItems: sync.MAX_ITEMS! })),
      session: new StorageAreaState('session', () => undefined),
      managed: new StorageAreaState('managed', () => undefined),
    };
  }

  area(name: AreaName): StorageAreaState {
    return this.#areas[name];
  }
}

/** The browser's storage service: every extension's storage, kept by extension id. */
export class StorageService {
  readonly #extensions = new Map<string, ExtensionStorage>();

  constructor(private readonly browser: Browser) {
    // OnExtensionUnloaded: session storage goes with a reload or a disable; everything with an uninstall.
    browser.observeExtensions((extension, event) => {
      const storage = this.#extensions.get(extension.id);
      if (!storage) return;
      if (event === 'uninstalled') this.#extensions.delete(extension.id);
      else if (event === 'reloaded' || event === 'disabled') storage.area('session').reset();
    });
  }

  /** The extension's storage, made on first use. */
  of(extensionId: string): ExtensionStorage {
    let storage = this.#extensions.get(extensionId);
    if (!storage) {
      storage = new ExtensionStorage(() => this.browser.extensions.get(extensionId)?.parsed.permissions.has('unlimitedStorage') === true);
      this.#extensions.set(extensionId, storage);
    }
    return storage;
  }

  /** One area of an extension's storage, to read or seed from outside (tests): `set` here raises no event. */
  area(extensionId: string, name: AreaName): StorageAreaState {
    return this.of(extensionId).area(name);
  }

  /** A write by the extension (set, remove, clear): the changes, raised as storage.onChanged if any. */
  write(extension: Extension, name: AreaName, write: (area: StorageAreaState) => Record<string, StorageChange>): void {
    if (name === 'managed') throw new StorageError(STORAGE_READ_ONLY);
    this.#notify(extension, name, write(this.area(extension.id, name)));
  }

  /**
   * What policy sets as the extension's storage.managed (Chrome reads it from the
   * 3rdparty.extensions policy): replaces it, raising storage.onChanged for what changed.
   */
  setManagedStorage(extension: Extension, values: Record<string, unknown>): void {
    const area = this.area(extension.id, 'managed');
    const items = (toStoredValue(values) ?? {}) as StoredObject;
    const removed = area.remove(area.getKeys().filter((key) => !Object.hasOwn(items, key)));
    const changed = area.set(items);
    this.#notify(extension, 'managed', sorted({ ...removed, ...changed }));
  }

  /**
   * StorageFrontend's OnSettingsChanged: `chrome.storage.<area>.onChanged(changes)` then
   * `chrome.storage.onChanged(changes, area)` in each context (observed in Chromium 156), content
   * scripts included, except for storage.session while its access level keeps them out.
   */
  #notify(extension: Extension, name: AreaName, changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    const contentScripts = name !== 'session' || this.of(extension.id).accessLevel === 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
    this.browser.events.dispatchToExtension(extension, `storage.${name}.onChanged`, [changes], { contentScripts });
    this.browser.events.dispatchToExtension(extension, 'storage.onChanged', [changes, name], { contentScripts });
  }
}

const services = new WeakMap<Browser, StorageService>();

/** The browser's storage service, made on first use. */
export function storageOf(browser: Browser): StorageService {
  let service = services.get(browser);
  if (!service) {
    service = new StorageService(browser);
    services.set(browser, service);
  }
  return service;
}
