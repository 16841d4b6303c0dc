import type { ScriptContext } from '../core/context.ts';
import { OPTIONS_PAGE_MISSING, RUNTIME_KIOSK_ONLY, RUNTIME_NO_BACKGROUND_PAGE } from '../core/errors.ts';
import { CONTEXT_TYPES, getContexts, platformInfo, sortedManifest, type ContextFilter } from '../platform/runtime.ts';
import { ApiError, apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { packageDirectoryOf } from './package-directory.ts';
import { assertContextValid } from './runtime.ts';
import { APISignature, type ParamSpec } from './signature.ts';

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const strings = { type: 'array', optional: true, items: { type: 'string' } } as const;
const integers = { type: 'array', optional: true, items: { type: 'integer' } } as const;

// runtime.json
const GET_PLATFORM_INFO = new APISignature('runtime.getPlatformInfo', [CALLBACK]);
const GET_CONTEXTS = new APISignature('runtime.getContexts', [
  {
    name: 'filter',
    type: 'object',
    ref: 'runtime.ContextFilter',
    properties: {
      contextIds: strings,
      contextTypes: { type: 'array', optional: true, items: { type: 'string', enum: CONTEXT_TYPES } },
      documentIds: strings,
      documentOrigins: strings,
      documentUrls: strings,
      frameIds: integers,
      incognito: { type: 'boolean', optional: true },
      tabIds: integers,
      windowIds: integers,
    },
  },
  CALLBACK,
]);
const OPEN_OPTIONS_PAGE = new APISignature('runtime.openOptionsPage', [CALLBACK]);
const SET_UNINSTALL_URL = new APISignature('runtime.setUninstallURL', [{ name: 'url', type: 'string' }, CALLBACK]);
const GET_MANIFEST = new APISignature('runtime.getManifest', []);
const GET_VERSION = new APISignature('runtime.getVersion', []);
const RELOAD = new APISignature('runtime.reload', []);
const REQUEST_UPDATE_CHECK = new APISignature('runtime.requestUpdateCheck', [CALLBACK]);
const RESTART = new APISignature('runtime.restart', []);
const RESTART_AFTER_DELAY = new APISignature('runtime.restartAfterDelay', [{ name: 'seconds', type: 'integer' }, CALLBACK]);
const GET_BACKGROUND_PAGE = new APISignature('runtime.getBackgroundPage', [CALLBACK]);
const GET_PACKAGE_DIRECTORY_ENTRY = new APISignature('runtime.getPackageDirectoryEntry', [CALLBACK]);

/** Events Chrome has on chrome.runtime besides messaging; the browser raises those it has cause to. */
const PRIVILEGED_EVENTS = ['onStartup', 'onInstalled', 'onEnabled', 'onSuspend', 'onSuspendCanceled', 'onUpdateAvailable', 'onBrowserUpdateAvailable', 'onRestartRequired', 'onUserScriptMessage', 'onUserScriptConnect'];

/** The uninstall URLs extensions set (RuntimeAPI keeps them in the extension's prefs). */
const uninstallUrls = new WeakMap<object, string>();

export function uninstallUrlOf(extension: object): string | undefined {
  return uninstallUrls.get(extension);
}

/**
 * The rest of chrome.runtime (runtime_api.cc): the manifest and version in every extension context;
 * installation events, contexts, platform info, the options page and the uninstall URL in
 * privileged ones.
 */
export function addRuntimePlatform(runtime: Record<string, unknown>, messaging: ContextMessaging, context: ScriptContext): void {
  const extension = context.extension;
  if (!extension) return;
  runtime.getManifest = named('getManifest', (...args: unknown[]) => {
    assertContextValid(messaging);
    GET_MANIFEST.parse(args, messaging.realm);
    return messaging.toRealm(sortedManifest(extension.manifest));
  });
  runtime.getVersion = named('getVersion', (...args: unknown[]) => {
    assertContextValid(messaging);
    GET_VERSION.parse(args, messaging.realm);
    return extension.manifest.version;
  });
  if (context.type === 'content_script') return;
  for (const name of PRIVILEGED_EVENTS) runtime[name] = messaging.event(`runtime.${name}`);
  const browser = context.browser;
  runtime.getPlatformInfo = apiFunction(messaging, GET_PLATFORM_INFO, () => platformInfo());
  runtime.getContexts = apiFunction(messaging, GET_CONTEXTS, (filter) => getContexts(browser, extension, filter as ContextFilter));
  runtime.openOptionsPage = apiFunction(messaging, OPEN_OPTIONS_PAGE, () => {
    const page = optionsPage(extension.manifest as Record<string, unknown>);
    if (page === undefined) throw new ApiError(OPTIONS_PAGE_MISSING);
    extension.openPage(page);
  });
  runtime.setUninstallURL = apiFunction(messaging, SET_UNINSTALL_URL, (url) => {
    uninstallUrls.set(extension, url as string);
  });
  // An unpacked extension has no update URL: nothing to update to (observed in Chromium 156).
  runtime.requestUpdateCheck = apiFunction(messaging, REQUEST_UPDATE_CHECK, () => ({ status: 'no_update', version: '' }));
  // Restarting the device is ChromeOS kiosk mode's: elsewhere restart() does nothing, restartAfterDelay fails.
  runtime.restart = named('restart', (...args: unknown[]) => {
    assertContextValid(messaging);
    RESTART.parse(args, messaging.realm);
  });
  runtime.restartAfterDelay = apiFunction(messaging, RESTART_AFTER_DELAY, () => {
    throw new ApiError(RUNTIME_KIOSK_ONLY);
  });
  if (extension.parsed.permissions.has('nativeMessaging')) runtime.onConnectNative = messaging.event('runtime.onConnectNative');
  // Manifest V3 has no background page: pages ask in vain.
  if (context.type === 'extension_page') {
    runtime.getBackgroundPage = apiFunction(messaging, GET_BACKGROUND_PAGE, () => {
      throw new ApiError(RUNTIME_NO_BACKGROUND_PAGE);
    });
    runtime.getPackageDirectoryEntry = apiFunction(messaging, GET_PACKAGE_DIRECTORY_ENTRY, () => packageDirectoryOf(context), { answersInRealm: true });
  }
  runtime.reload = named('reload', (...args: unknown[]) => {
    assertContextValid(messaging);
    RELOAD.parse(args, messaging.realm);
    browser.post(() => {
      if (extension.enabled) extension.reload();
    });
  });
}

/** options_ui.page, else options_page (OptionsPageInfo). */
function optionsPage(manifest: Record<string, unknown>): string | undefined {
  const ui = manifest.options_ui as { page?: unknown } | undefined;
  if (typeof ui?.page === 'string') return ui.page;
  return typeof manifest.options_page === 'string' ? manifest.options_page : undefined;
}

/** A function with Chrome's name for it (chrome.runtime.getManifest.name === 'getManifest'). */
export function named<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
  return fn;
}
