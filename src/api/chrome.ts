import type { ContextBindings, ScriptContext } from '../core/context.ts';
import { createAction } from './action.ts';
import { createAlarms } from './alarms.ts';
import { createCommands } from './commands.ts';
import { createContextMenus } from './context-menus.ts';
import { createDom } from './dom.ts';
import { createExtensionNamespace } from './extension.ts';
import { createI18n } from './i18n.ts';
import { createManagement } from './management.ts';
import { createPermissions } from './permissions.ts';
import { ContextMessaging } from './messaging.ts';
import { createTabCapture } from './tab-capture.ts';
import { createOffscreen } from './offscreen.ts';
import { createOmnibox } from './omnibox.ts';
import { EXTENSION_CONTEXTS, PRIVILEGED, createExtensionChrome, lazyProperty, meets, type NamespaceDefinition } from './namespaces.ts';
import { createScripting } from './scripting.ts';
import { createSidePanel } from './side-panel.ts';
import { createRuntime, type PrivilegedRuntime, type Runtime, type WebPageRuntime } from './runtime.ts';
import { createStorage } from './storage.ts';
import { createTabsNamespace } from './tabs-api.ts';
import type { Tabs } from './tabs.ts';
import { createWindowsNamespace } from './windows.ts';
import { createWebNavigation } from './web-navigation.ts';

/** Every namespace Switchboard implements, each with the contexts Chrome gives it to. */
const NAMESPACES: readonly NamespaceDefinition[] = [
  { name: 'tabCapture', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'tabCapture' }), create: (messaging) => createTabCapture(messaging) },
  { name: 'dom', available: (context) => meets(context, { contexts: EXTENSION_CONTEXTS }), create: (messaging) => createDom(messaging) },
  { name: 'extension', available: (context) => meets(context, { contexts: EXTENSION_CONTEXTS }), create: (messaging) => createExtensionNamespace(messaging) },
  { name: 'i18n', available: (context) => meets(context, { contexts: EXTENSION_CONTEXTS }), create: (messaging) => createI18n(messaging) },
  { name: 'management', available: (context) => meets(context, { contexts: PRIVILEGED }), create: (messaging) => createManagement(messaging) },
  { name: 'permissions', available: (context) => meets(context, { contexts: PRIVILEGED }), create: (messaging) => createPermissions(messaging) },
  { name: 'offscreen', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'offscreen' }), create: (messaging) => createOffscreen(messaging) },
  { name: 'alarms', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'alarms' }), create: (messaging) => createAlarms(messaging) },
  { name: 'action', available: (context) => meets(context, { contexts: PRIVILEGED, manifestKey: 'action' }), create: (messaging) => createAction(messaging) },
  { name: 'sidePanel', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'sidePanel' }), create: (messaging) => createSidePanel(messaging) },
  { name: 'contextMenus', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'contextMenus' }), create: (messaging) => createContextMenus(messaging) },
  { name: 'omnibox', available: (context) => meets(context, { contexts: PRIVILEGED, manifestKey: 'omnibox' }), create: (messaging) => createOmnibox(messaging) },
  { name: 'commands', available: (context) => meets(context, { contexts: PRIVILEGED, manifestKey: 'commands' }), create: (messaging) => createCommands(messaging) },
  {
    name: 'runtime',
    available: (context) => meets(context, { contexts: EXTENSION_CONTEXTS }),
    create: (messaging) => createRuntime(messaging, messaging.context),
  },
  { name: 'scripting', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'scripting' }), create: (messaging) => createScripting(messaging) },
  // A content script's chrome.scripting: the enums, and globalParams for the scripts it injects (observed in Chromium 156).
  {
    name: 'scripting',
    available: (context) => meets(context, { contexts: ['content_script'], permission: 'scripting' }),
    create: (messaging) =>
      messaging.toRealm({ ExecutionWorld: { ISOLATED: 'ISOLATED', MAIN: 'MAIN' }, StyleOrigin: { AUTHOR: 'AUTHOR', USER: 'USER' }, globalParams: {} }),
  },
  { name: 'storage', available: (context) => meets(context, { contexts: EXTENSION_CONTEXTS, permission: 'storage' }), create: (messaging) => createStorage(messaging) },
  {
    name: 'tabs',
    available: (context) => meets(context, { contexts: PRIVILEGED }),
    create: (messaging) => createTabsNamespace(messaging),
  },
  { name: 'windows', available: (context) => meets(context, { contexts: PRIVILEGED }), create: (messaging) => createWindowsNamespace(messaging) },
  { name: 'webNavigation', available: (context) => meets(context, { contexts: PRIVILEGED, permission: 'webNavigation' }), create: (messaging) => createWebNavigation(messaging) },
];

/** The `chrome` object of an extension context: runtime messaging and tabs messaging. */
export interface ExtensionChrome {
  readonly runtime: PrivilegedRuntime;
  readonly tabs: Tabs;
}

/** A content script's `chrome`: runtime messaging only. */
export interface ContentScriptChrome {
  readonly runtime: Runtime;
}

/** A web page's `chrome`, present only where some extension's externally_connectable covers it. */
export interface WebPageChrome {
  readonly runtime: WebPageRuntime;
}

export type Chrome = ExtensionChrome | ContentScriptChrome | WebPageChrome;

/**
 * Builds a context's API objects: the messaging surface Chrome gives that kind of context
 * (_api_features.json) and no more.
 */
export function createChromeBindings(context: ScriptContext): ContextBindings {
  const messaging = new ContextMessaging(context);
  const chrome = createChrome(context, messaging);
  return { endpoint: messaging, chrome, browser: browserNamespace(context, chrome) };
}

/**
 * M144+: `browser` is a separate object holding the same namespaces (browser.runtime ===
 * chrome.runtime), in every context that has chrome.runtime (observed in Chromium 156, web pages
 * covered by externally_connectable included).
 */
function browserNamespace(context: ScriptContext, chrome: Chrome | undefined): object | undefined {
  if (!context.browser.features.browserNamespace || chrome === undefined || !('runtime' in chrome)) return undefined;
  const browser: Record<string, unknown> = {};
  for (const name of Object.keys(chrome)) lazyProperty(browser, name, () => (chrome as unknown as Record<string, unknown>)[name]);
  return browser;
}

function createChrome(context: ScriptContext, messaging: ContextMessaging): Chrome | undefined {
  switch (context.type) {
    case 'service_worker':
    case 'extension_page':
    case 'content_script':
      return createExtensionChrome(messaging, NAMESPACES) as unknown as ExtensionChrome | ContentScriptChrome;
    case 'web_page':
      // IsRuntimeAvailableToContext: chrome.runtime only if some extension lets this page connect.
      // Other pages still have a `chrome` object, just no runtime on it.
      if (!context.browser.isWebPageConnectable(context.url)) return {} as WebPageChrome;
      return { runtime: createRuntime(messaging, context) as WebPageRuntime };
  }
}
