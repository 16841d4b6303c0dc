import { MANAGEMENT_CREATE_ERROR, managementNoExtension } from '../core/errors.ts';
import { ManifestError } from '../core/manifest/manifest-error.ts';
import { parseManifest } from '../core/manifest/manifest.ts';
import { extensionInfo, installedExtensions, permissionWarnings, type ExtensionInfo } from '../platform/management.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ChromeEvent } from './event.ts';
import type { ContextMessaging } from './messaging.ts';
import { APISignature, type ParamSpec } from './signature.ts';

/**
 * chrome.management (management.json) in privileged contexts. Without the "management" permission
 * Chrome gives only getSelf, getPermissionWarningsByManifest, uninstallSelf and the enums
 * (_api_features.json); the members that need it are gated in namespaces.ts.
 */
export interface Management {
  // Present only with the "management" permission: the events, get, getAll, getPermissionWarningsById.
  readonly onDisabled: ChromeEvent<(info: ExtensionInfo) => void>;
  readonly onEnabled: ChromeEvent<(info: ExtensionInfo) => void>;
  readonly onUninstalled: ChromeEvent<(id: string) => void>;
  readonly onInstalled: ChromeEvent<(info: ExtensionInfo) => void>;
  get(...args: unknown[]): Promise<ExtensionInfo> | undefined;
  getAll(...args: unknown[]): Promise<ExtensionInfo[]> | undefined;
  getPermissionWarningsById(...args: unknown[]): Promise<string[]> | undefined;
  getPermissionWarningsByManifest(...args: unknown[]): Promise<string[]> | undefined;
  getSelf(...args: unknown[]): Promise<ExtensionInfo> | undefined;
  uninstallSelf(...args: unknown[]): Promise<void> | undefined;
  readonly ExtensionDisabledReason: Readonly<Record<string, string>>;
  readonly ExtensionInstallType: Readonly<Record<string, string>>;
  readonly ExtensionType: Readonly<Record<string, string>>;
  readonly LaunchType: Readonly<Record<string, string>>;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const ID: ParamSpec = { name: 'id', type: 'string' };
const GET = new APISignature('management.get', [ID, CALLBACK]);
const GET_ALL = new APISignature('management.getAll', [CALLBACK]);
const GET_SELF = new APISignature('management.getSelf', [CALLBACK]);
const WARNINGS_BY_ID = new APISignature('management.getPermissionWarningsById', [ID, CALLBACK]);
const WARNINGS_BY_MANIFEST = new APISignature('management.getPermissionWarningsByManifest', [{ name: 'manifestStr', type: 'string' }, CALLBACK]);
const UNINSTALL_SELF = new APISignature('management.uninstallSelf', [
  { name: 'options', type: 'object', optional: true, ref: 'management.UninstallOptions', properties: { showConfirmDialog: { type: 'boolean', optional: true } } },
  CALLBACK,
]);

/** The members Chrome gives only with the "management" permission (_api_features.json). */
const NEEDS_PERMISSION = ['onDisabled', 'onEnabled', 'onUninstalled', 'onInstalled', 'get', 'getAll', 'getPermissionWarningsById'];

/** management.json's enums, as Chrome's bindings make them (observed in Chromium 156). */
const enumOf = (values: readonly string[]): Readonly<Record<string, string>> => Object.fromEntries(values.map((value) => [value.toUpperCase(), value]));

export function createManagement(messaging: ContextMessaging): Management {
  const { context } = messaging;
  const extension = context.extension!;
  const browser = context.browser;
  const find = (id: string) => {
    const found = browser.extensions.get(id);
    if (!found?.installed) throw new ApiError(managementNoExtension(id));
    return found;
  };
  const management: Record<string, unknown> = {
    onDisabled: messaging.event('management.onDisabled'),
    onEnabled: messaging.event('management.onEnabled'),
    onUninstalled: messaging.event('management.onUninstalled'),
    onInstalled: messaging.event('management.onInstalled'),
    get: apiFunction(messaging, GET, (id) => extensionInfo(find(id as string))) as Management['get'],
    getAll: apiFunction(messaging, GET_ALL, () => installedExtensions(browser).map(extensionInfo)) as Management['getAll'],
    getPermissionWarningsById: apiFunction(messaging, WARNINGS_BY_ID, (id) => permissionWarnings(find(id as string).manifest)) as Management['getPermissionWarningsById'],
    getPermissionWarningsByManifest: apiFunction(messaging, WARNINGS_BY_MANIFEST, (text) => {
      let manifest: unknown;
      try {
        manifest = JSON.parse(text as string);
      } catch (error) {
        // Chrome's text is its JSON parser's; this is Node's.
        throw new ApiError((error as Error).message);
      }
      try {
        parseManifest(manifest);
      } catch (error) {
        if (error instanceof ManifestError) throw new ApiError(MANAGEMENT_CREATE_ERROR);
        throw error;
      }
      return permissionWarnings(manifest as Record<string, unknown>);
    }) as Management['getPermissionWarningsByManifest'],
    getSelf: apiFunction(messaging, GET_SELF, () => extensionInfo(extension)) as Management['getSelf'],
    // Uninstalling ends the caller's contexts, so the answer never arrives (as in Chrome).
    uninstallSelf: apiFunction(messaging, UNINSTALL_SELF, () =>
      new Promise<never>(() => {
        browser.post(() => {
          if (extension.installed) extension.uninstall();
        });
      }),
    ) as Management['uninstallSelf'],
    ExtensionDisabledReason: enumOf(['permissions_increase', 'unknown']),
    ExtensionInstallType: enumOf(['admin', 'development', 'normal', 'other', 'sideload']),
    ExtensionType: enumOf(['extension', 'hosted_app', 'legacy_packaged_app', 'login_screen_extension', 'packaged_app', 'theme']),
    LaunchType: enumOf(['OPEN_AS_PINNED_TAB', 'OPEN_AS_REGULAR_TAB', 'OPEN_AS_WINDOW', 'OPEN_FULL_SCREEN']),
  };
  if (!extension.parsed.permissions.has('management')) for (const name of NEEDS_PERMISSION) delete management[name];
  return management as unknown as Management;
}
