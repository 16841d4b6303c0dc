import { argumentError, stringTooLong } from '../core/errors.ts';
import type { ScriptContext } from '../core/context.ts';
import { apiFunction } from './api-function.ts';
import type { ContextMessaging } from './messaging.ts';
import { HOST_REALM, realmOf, type Realm } from './realm.ts';
import { assertContextValid } from './runtime.ts';
import { named } from './runtime-platform.ts';
import { APISignature, type ParamSpec } from './signature.ts';

/**
 * chrome.extension (extension.json, extensions/renderer/extension_hooks_delegate.cc): ViewType and
 * inIncognitoContext everywhere; the access checks and setUpdateUrlData in privileged contexts;
 * getViews and getBackgroundPage in pages, which reach other pages' windows directly (in Chrome, pages
 * of one extension share a renderer process).
 */
export interface ExtensionNamespace {
  getBackgroundPage(...args: unknown[]): undefined;
  getViews(...args: unknown[]): unknown[];
  isAllowedFileSchemeAccess(...args: unknown[]): Promise<boolean> | undefined;
  isAllowedIncognitoAccess(...args: unknown[]): Promise<boolean> | undefined;
  setUpdateUrlData(...args: unknown[]): undefined;
  readonly ViewType: { readonly POPUP: 'popup'; readonly TAB: 'tab' };
  readonly inIncognitoContext: boolean;
}

const CALLBACK: ParamSpec = { name: 'callback', type: 'function', optional: true };
const IS_ALLOWED_FILE_SCHEME_ACCESS = new APISignature('extension.isAllowedFileSchemeAccess', [CALLBACK]);
const IS_ALLOWED_INCOGNITO_ACCESS = new APISignature('extension.isAllowedIncognitoAccess', [CALLBACK]);
/** extension.json: setUpdateUrlData's data has maxLength 1024. */
const UPDATE_URL_DATA_MAX = 1024;
const SET_UPDATE_URL_DATA = new APISignature('extension.setUpdateUrlData', [{ name: 'data', type: 'string' }]);
const GET_BACKGROUND_PAGE = new APISignature('extension.getBackgroundPage', []);
const GET_VIEWS = new APISignature('extension.getViews', [
  {
    name: 'fetchProperties',
    type: 'object',
    optional: true,
    properties: {
      type: { type: 'string', optional: true, enum: ['popup', 'tab'] },
      windowId: { type: 'integer', optional: true },
      tabId: { type: 'integer', optional: true },
    },
  },
]);

interface FetchProperties {
  readonly type?: 'popup' | 'tab';
  readonly windowId?: number;
  readonly tabId?: number;
}

/**
 * The global of the realm a context runs in, found from its intrinsics: for an extension page,
 * its window. Undefined where the context has no realm of its own.
 */
function globalOf(realm: Realm): unknown {
  if (realm === HOST_REALM) return undefined;
  const Function = realm.Error.constructor as FunctionConstructor;
  return (Function('return globalThis') as () => unknown)();
}

/** ExtensionFrameHelper::GetExtensionViews: the extension's page contexts of the kind asked for. */
function views(context: ScriptContext, properties: FetchProperties): unknown[] {
  const extension = context.extension!;
  const found: unknown[] = [];
  for (const page of extension.pageContexts) {
    const tab = page.tab;
    if (!page.valid || !tab || tab.view === 'offscreen_document' || tab.view === 'side_panel') continue;
    const type = tab.view === 'popup' ? 'popup' : 'tab';
    if (properties.type !== undefined && properties.type !== type) continue;
    if (properties.windowId !== undefined && properties.windowId !== -2 && tab.windowId !== properties.windowId) continue;
    if (properties.tabId !== undefined && tab.id !== properties.tabId) continue;
    const window = globalOf(realmOf(page));
    if (window !== undefined) found.push(window);
  }
  return found;
}

export function createExtensionNamespace(messaging: ContextMessaging): ExtensionNamespace {
  const { context } = messaging;
  return {
    // An MV3 extension has no background page: a service worker has no window (observed: undefined).
    getBackgroundPage: named('getBackgroundPage', (...args: unknown[]) => {
      assertContextValid(messaging);
      GET_BACKGROUND_PAGE.parse(args, messaging.realm);
      return undefined;
    }),
    getViews: named('getViews', (...args: unknown[]) => {
      assertContextValid(messaging);
      const [properties] = GET_VIEWS.parse(args, messaging.realm);
      return views(context, (properties ?? {}) as FetchProperties);
    }),
    // Unpacked extensions have file access unless the user turns it off (observed: true).
    isAllowedFileSchemeAccess: apiFunction(messaging, IS_ALLOWED_FILE_SCHEME_ACCESS, () => true) as ExtensionNamespace['isAllowedFileSchemeAccess'],
    isAllowedIncognitoAccess: apiFunction(messaging, IS_ALLOWED_INCOGNITO_ACCESS, () => false) as ExtensionNamespace['isAllowedIncognitoAccess'],
    setUpdateUrlData: named('setUpdateUrlData', (...args: unknown[]) => {
      assertContextValid(messaging);
      const [data] = SET_UPDATE_URL_DATA.parse(args, messaging.realm) as [string];
      if (data.length > UPDATE_URL_DATA_MAX) throw SET_UPDATE_URL_DATA.invocationError(argumentError('data', stringTooLong(UPDATE_URL_DATA_MAX, data.length)), messaging.realm);
      return undefined;
    }),
    ViewType: { POPUP: 'popup', TAB: 'tab' },
    inIncognitoContext: false,
  };
}
