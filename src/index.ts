/**
 * Switchboard: Chrome's extension message passing, in-process, with Chromium's observable
 * behaviour. `createBrowser()` gives an emulated browser; install extensions, open tabs, and
 * use each context's own `chrome` object exactly as extension code does.
 */
import { createChromeBindings } from './api/chrome.ts';
import { Browser, type BrowserOptions } from './core/browser.ts';
import { createNativeHostLauncher, type NativeMessagingOptions } from './native/browser/index.ts';
import { attachPlatform } from './platform/index.ts';

export interface CreateBrowserOptions extends BrowserOptions {
  /**
   * Where native messaging hosts are looked up and how they run. Default: Google Chrome's folders
   * on this machine (user level, then system). `{ hostDirs: [dir] }` searches only `dir`.
   * Ignored when `nativeHosts` is given.
   */
  readonly nativeMessaging?: NativeMessagingOptions;
}

export function createBrowser(options: CreateBrowserOptions = {}): Browser {
  const nativeHosts = options.nativeHosts ?? createNativeHostLauncher(options.nativeMessaging);
  const browser = new Browser(createChromeBindings, { ...options, nativeHosts });
  attachPlatform(browser);
  return browser;
}

export { Browser, type BrowserOptions } from './core/browser.ts';
export type { NativeMessagingOptions } from './native/browser/index.ts';
export type { NativeHostLauncher, NativeHostEndpoint, NativeHostClient, NativeHostRequest } from './core/native-host.ts';
export { Extension, type ExtensionInit } from './core/extension.ts';
/** A user's click on an extension's toolbar action: its popup opens, or action.onClicked fires. */
export { clickAction } from './platform/action.ts';
/** A user's click on an extension's context menu item: contextMenus.onClicked fires with Chrome's OnClickData. */
export { clickContextMenu, type ContextMenuClick } from './platform/context-menus.ts';
/** A user typing in the omnibox after the extension's keyword, pressing Enter, leaving it. */
export { typeInOmnibox, enterInOmnibox, cancelOmnibox, deleteOmniboxSuggestion, omniboxSuggestions } from './platform/omnibox.ts';
/** A user pressing an extension command's shortcut: commands.onCommand fires, or the action is clicked. */
export { pressCommand } from './platform/commands.ts';
export { grantPermissions, type PermissionSet, type PermissionsRequest } from './platform/permissions.ts';
export type { MessageCatalog, MessageEntry } from './core/message-bundle.ts';
export { Tab, type TabInfo, type TabInit } from './core/tab.ts';
export { Frame, type FrameInit } from './core/frame.ts';
export { Document, type DocumentLifecycle } from './core/document.ts';
export { ScriptContext, type ContextType, type ContextScript, type ContextScope, type ConsoleMessage } from './core/context.ts';
export type { MessageSender } from './core/sender.ts';
export { ManifestError } from './core/manifest/manifest-error.ts';
export type { Manifest } from './core/manifest/manifest.ts';
export { extensionIdFromKey, isValidExtensionId } from './core/ids.ts';
export { MAX_MESSAGE_BYTES } from './core/serialization.ts';
export { DEFAULT_CHROME_VERSION } from './core/version.ts';
export * as errors from './core/errors.ts';
export type { Chrome, ExtensionChrome, ContentScriptChrome, WebPageChrome } from './api/chrome.ts';
export type { Port } from './api/port.ts';
export type { ChromeEvent } from './api/event.ts';
export { setContextRealm, type Realm } from './api/realm.ts';
/** The browser's clock: `createBrowser({ clock: 'manual' })` gives a ManualClock (tick, next, runAll). */
export { ManualClock, RealClock, type Clock, type ClockOption } from './core/clock.ts';
/** The extensions' storage areas, to seed or read them from a test: storageOf(browser).area(extension.id, 'local'). */
export { storageOf, type AreaName } from './platform/storage.ts';
/** The extensions' alarms, as the browser keeps them. */
export { alarmsOf } from './platform/alarms.ts';
