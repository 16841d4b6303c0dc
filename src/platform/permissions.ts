import type { Extension } from '../core/extension.ts';
import { MatchPattern, MatchPatternError, MatchPatternSet, SCHEME_ALL } from '../core/manifest/match-pattern.ts';
import {
  PERMISSIONS_CANT_REMOVE_REQUIRED,
  PERMISSIONS_NOT_IN_MANIFEST,
  invalidOriginPattern,
  unknownPermission,
} from '../core/errors.ts';

/**
 * An extension's permissions as the browser keeps them (extensions/browser/permissions/ and
 * api/permissions/permissions_api.cc): the required ones from the manifest, the optional ones it
 * declares, and those of the optional ones granted since. permissions.getAll, contains and remove
 * read and change this; request needs a user gesture, which nothing in Switchboard makes, so
 * optional permissions are granted from outside with grantPermissions.
 */

/** permissions.Permissions, keys in Chrome's order (sorted, as base::Value keeps them). */
export interface PermissionSet {
  origins: string[];
  permissions: string[];
}

/** What a caller names: either list may be absent. */
export interface PermissionsRequest {
  readonly permissions?: readonly string[];
  readonly origins?: readonly string[];
}

/** The failure of a permissions call: its message is what the caller's lastError or rejection carries. */
export class PermissionsError extends Error {
  override readonly name = 'PermissionsError';
}

/**
 * The API permissions Chromium 156 knows for extensions (extensions/common/api/_permission_features.json
 * and chrome/common/extensions/api/_permission_features.json); any other name is not recognized.
 */
const KNOWN_PERMISSIONS = new Set([
  'accessibilityFeatures.modify', 'accessibilityFeatures.read', 'activeTab', 'alarms', 'audio', 'background', 'bookmarks',
  'browsingData', 'certificateProvider', 'clipboardRead', 'clipboardWrite', 'contentSettings', 'contextMenus', 'cookies',
  'debugger', 'declarativeContent', 'declarativeNetRequest', 'declarativeNetRequestFeedback', 'declarativeNetRequestWithHostAccess',
  'desktopCapture', 'dns', 'documentScan', 'downloads', 'downloads.open', 'downloads.ui', 'enterprise.deviceAttributes',
  'enterprise.hardwarePlatform', 'enterprise.networkingAttributes', 'enterprise.platformKeys', 'favicon', 'fileBrowserHandler',
  'fileSystemProvider', 'fontSettings', 'gcm', 'geolocation', 'history', 'identity', 'identity.email', 'idle', 'loginState',
  'management', 'nativeMessaging', 'notifications', 'offscreen', 'pageCapture', 'platformKeys', 'power', 'printerProvider',
  'printing', 'printingMetrics', 'privacy', 'processes', 'proxy', 'readingList', 'runtime', 'scripting', 'search', 'sessions',
  'sidePanel', 'storage', 'system.cpu', 'system.display', 'system.memory', 'system.storage', 'tabCapture', 'tabGroups', 'tabs',
  'topSites', 'tts', 'ttsEngine', 'unlimitedStorage', 'userScripts', 'vpnProvider', 'wallpaper', 'webAuthenticationProxy',
  'webNavigation', 'webRequest', 'webRequestAuthProvider', 'webRequestBlocking',
]);

const isHostPattern = (entry: string): boolean => entry === MatchPattern.ALL_URLS || entry.includes('://');

interface Granted {
  readonly permissions: Set<string>;
  readonly origins: Set<string>;
}

const granted = new WeakMap<Extension, Granted>();

function grantedOf(extension: Extension): Granted {
  let state = granted.get(extension);
  if (!state) {
    state = { permissions: new Set(), origins: new Set() };
    granted.set(extension, state);
  }
  return state;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** The manifest's API permissions Chrome knows (unknown ones are dropped with a warning at install). */
function apiPermissions(entries: readonly string[]): string[] {
  return entries.filter((entry) => !isHostPattern(entry) && KNOWN_PERMISSIONS.has(entry));
}

/** A sorted, unique list of pattern texts, as URLPatternSet keeps them; invalid ones are dropped. */
function patternTexts(texts: Iterable<string>): string[] {
  const patterns: MatchPattern[] = [];
  for (const text of texts) {
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof MatchPattern) patterns.push(pattern);
  }
  return new MatchPatternSet(patterns).patterns.map(String);
}

/** The required permissions: the manifest's `permissions` and `host_permissions`. */
export function requiredPermissions(extension: Extension): PermissionSet {
  const manifest = extension.manifest as Record<string, unknown>;
  return { origins: patternTexts(strings(manifest.host_permissions)), permissions: apiPermissions(strings(manifest.permissions)).sort() };
}

/** The optional permissions the manifest declares. */
export function optionalPermissions(extension: Extension): PermissionSet {
  const manifest = extension.manifest as Record<string, unknown>;
  return { origins: patternTexts(strings(manifest.optional_host_permissions)), permissions: apiPermissions(strings(manifest.optional_permissions)).sort() };
}

/** The active permissions without the content scripts' hosts (what management.ExtensionInfo lists). */
export function grantedPermissions(extension: Extension): PermissionSet {
  const required = requiredPermissions(extension);
  const state = grantedOf(extension);
  return {
    origins: patternTexts([...required.origins, ...state.origins]),
    permissions: [...new Set([...required.permissions, ...state.permissions])].sort(),
  };
}

/** permissions.getAll: the active permissions, the content scripts' matches among the origins. */
export function activePermissions(extension: Extension): PermissionSet {
  const active = grantedPermissions(extension);
  const matches = extension.parsed.contentScripts.flatMap((entry) => [...entry.matches].map(String));
  return { origins: patternTexts([...active.origins, ...matches]), permissions: active.permissions };
}

/** permissions_api_helpers.cc UnpackPermissionSet: known API names and valid origin patterns, else Chrome's errors. */
function unpack(request: PermissionsRequest): { permissions: string[]; origins: MatchPattern[] } {
  for (const name of request.permissions ?? []) if (!KNOWN_PERMISSIONS.has(name)) throw new PermissionsError(unknownPermission(name));
  const origins = (request.origins ?? []).map((text) => {
    const pattern = MatchPattern.tryParse(text, SCHEME_ALL);
    if (pattern instanceof MatchPatternError) throw new PermissionsError(invalidOriginPattern(text, pattern.message));
    return pattern;
  });
  return { permissions: [...(request.permissions ?? [])], origins };
}

/** URLPattern::Contains: every URL `inner` matches, `outer` matches too. */
function patternContains(outer: MatchPattern, inner: MatchPattern): boolean {
  if (outer.matchAllUrls) return true;
  if (inner.matchAllUrls) return false;
  if (outer.scheme !== '*' && outer.scheme !== inner.scheme) return false;
  if (outer.scheme === '*' && inner.scheme !== '*' && !outer.matchesScheme(inner.scheme)) return false;
  if (outer.port !== '*' && outer.port !== inner.port) return false;
  const hostCovered =
    (outer.matchSubdomains && outer.host === '') ||
    (outer.host === inner.host && (outer.matchSubdomains || !inner.matchSubdomains)) ||
    (outer.matchSubdomains && inner.host.endsWith(`.${outer.host}`));
  return hostCovered && outer.matchesPath(inner.path);
}

function setContains(set: readonly string[], pattern: MatchPattern): boolean {
  return set.some((text) => patternContains(MatchPattern.parse(text, SCHEME_ALL), pattern));
}

/** permissions.contains. */
export function containsPermissions(extension: Extension, request: PermissionsRequest): boolean {
  const { permissions, origins } = unpack(request);
  const active = activePermissions(extension);
  return permissions.every((name) => active.permissions.includes(name)) && origins.every((origin) => setContains(active.origins, origin));
}

/** permissions.remove: only optional permissions; answers true; the removed ones, or undefined if none was granted. */
export function removePermissions(extension: Extension, request: PermissionsRequest): PermissionSet | undefined {
  const { permissions, origins } = unpack(request);
  const required = requiredPermissions(extension);
  if (permissions.some((name) => required.permissions.includes(name)) || origins.some((origin) => setContains(required.origins, origin))) {
    throw new PermissionsError(PERMISSIONS_CANT_REMOVE_REQUIRED);
  }
  const optional = optionalPermissions(extension);
  if (!permissions.every((name) => optional.permissions.includes(name)) || !origins.every((origin) => setContains(optional.origins, origin))) {
    throw new PermissionsError(PERMISSIONS_NOT_IN_MANIFEST);
  }
  const state = grantedOf(extension);
  const removed: PermissionSet = { origins: [], permissions: [] };
  for (const name of permissions) if (state.permissions.delete(name)) removed.permissions.push(name);
  for (const origin of origins.map(String)) if (state.origins.delete(origin)) removed.origins.push(origin);
  return removed.permissions.length + removed.origins.length === 0 ? undefined : { origins: removed.origins.sort(), permissions: removed.permissions.sort() };
}

/**
 * Grants optional permissions as the user accepting permissions.request's prompt would; returns
 * the newly granted ones, or undefined if all were granted already. Throws PermissionsError for a
 * permission the manifest does not declare optional.
 */
export function addPermissions(extension: Extension, request: PermissionsRequest): PermissionSet | undefined {
  const { permissions, origins } = unpack(request);
  const optional = optionalPermissions(extension);
  if (!permissions.every((name) => optional.permissions.includes(name)) || !origins.every((origin) => setContains(optional.origins, origin))) {
    throw new PermissionsError(PERMISSIONS_NOT_IN_MANIFEST);
  }
  const state = grantedOf(extension);
  const added: PermissionSet = { origins: [], permissions: [] };
  for (const name of permissions) {
    if (state.permissions.has(name)) continue;
    state.permissions.add(name);
    added.permissions.push(name);
  }
  for (const origin of origins.map(String)) {
    if (state.origins.has(origin)) continue;
    state.origins.add(origin);
    added.origins.push(origin);
  }
  return added.permissions.length + added.origins.length === 0 ? undefined : { origins: added.origins.sort(), permissions: added.permissions.sort() };
}

/**
 * Grants `extension` optional permissions from outside (as the user accepting a prompt) and
 * raises permissions.onAdded in its contexts with what was newly granted.
 */
export function grantPermissions(extension: Extension, request: PermissionsRequest): void {
  const added = addPermissions(extension, request);
  if (added) extension.browser.events.dispatchToExtension(extension, 'permissions.onAdded', [added]);
}
