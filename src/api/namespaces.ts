import type { ContextType, ScriptContext } from '../core/context.ts';
import { notImplemented } from '../core/errors.ts';
import type { ContextMessaging } from './messaging.ts';
import surface from './surface/chromium-156.json' with { type: 'json' };

/**
 * One chrome.* namespace: which contexts Chrome gives it to (_api_features.json and
 * _permission_features.json: context kinds, permissions, manifest keys), and how to make it for
 * one context. Each context gets its own objects.
 */
export interface NamespaceDefinition {
  readonly name: string;
  available(context: ScriptContext): boolean;
  create(messaging: ContextMessaging): object;
}

/** What a namespace needs in Chrome, besides a context of the right kind. */
export interface Requirement {
  readonly contexts: readonly ContextType[];
  readonly permission?: string;
  readonly manifestKey?: string;
}

export const PRIVILEGED: readonly ContextType[] = ['service_worker', 'extension_page'];
export const EXTENSION_CONTEXTS: readonly ContextType[] = ['service_worker', 'extension_page', 'content_script'];

/** Whether `context` meets `requirement`. */
export function meets(context: ScriptContext, requirement: Requirement): boolean {
  const extension = context.extension;
  if (!extension || !requirement.contexts.includes(context.type)) return false;
  if (requirement.permission !== undefined && !extension.parsed.permissions.has(requirement.permission)) return false;
  if (requirement.manifestKey !== undefined && !(requirement.manifestKey in extension.manifest)) return false;
  return true;
}

/** The kinds of extension context whose chrome.* differ: an offscreen document has little more than runtime. */
type SurfaceKind = 'service_worker' | 'extension_page' | 'content_script' | 'offscreen_document';
const SURFACE = surface as unknown as Record<SurfaceKind, Record<string, string[] | string>>;

function surfaceKind(context: ScriptContext): SurfaceKind | undefined {
  if (context.type === 'web_page') return undefined;
  return context.tab?.view === 'offscreen_document' ? 'offscreen_document' : context.type;
}

/**
 * What Chromium 156 has on chrome.* in this kind of context, for an extension with every permission
 * (scripts/probe-chromium-surface.ts): the namespace's members, in Chrome's key order.
 */
export function chromiumMembers(context: ScriptContext, namespace: string): readonly string[] | undefined {
  const kind = surfaceKind(context);
  const members = kind === undefined ? undefined : SURFACE[kind][namespace];
  return Array.isArray(members) ? members.map((member) => member.slice(0, member.indexOf(':'))) : undefined;
}

/** Namespaces every extension context of the kind has, whatever its permissions (probed in Chromium 156). */
const ALWAYS: Readonly<Record<SurfaceKind, readonly string[]>> = {
  service_worker: ['dom', 'extension', 'i18n', 'management', 'permissions', 'runtime', 'tabs', 'windows'],
  extension_page: ['dom', 'extension', 'i18n', 'management', 'permissions', 'runtime', 'tabs', 'windows'],
  content_script: ['dom', 'extension', 'i18n', 'runtime'],
  offscreen_document: ['runtime'],
};

/** Namespaces that follow from a manifest key, not a permission. */
const BY_MANIFEST_KEY: Readonly<Record<string, string>> = { action: 'action', commands: 'commands', omnibox: 'omnibox' };

/** Whether Chrome would give `context` the namespace `name` (for the ones Switchboard lacks). */
function chromeHas(context: ScriptContext, name: string): boolean {
  const extension = context.extension;
  const kind = surfaceKind(context);
  if (!extension || kind === undefined || chromiumMembers(context, name) === undefined) return false;
  if (ALWAYS[kind].includes(name)) return true;
  const key = BY_MANIFEST_KEY[name];
  if (key !== undefined) return context.type !== 'content_script' && key in extension.manifest;
  const permissions = extension.parsed.permissions;
  if (name === 'system') return [...permissions].some((permission) => permission.startsWith('system.'));
  if (name === 'instanceID') return permissions.has('gcm');
  if (name === 'declarativeNetRequest') return permissions.has(name) || permissions.has('declarativeNetRequestWithHostAccess');
  return permissions.has(name);
}

/** Members that need a permission of their own (the rest come with their namespace). */
const MEMBER_PERMISSIONS: Readonly<Record<string, string>> = {
  'runtime.connectNative': 'nativeMessaging',
  'runtime.sendNativeMessage': 'nativeMessaging',
  'runtime.onConnectNative': 'nativeMessaging',
  // _api_features.json: without "management", chrome.management has getSelf, getPermissionWarningsByManifest, uninstallSelf and its enums.
  ...Object.fromEntries(
    ['onDisabled', 'onEnabled', 'onUninstalled', 'onInstalled', 'createAppShortcut', 'generateAppForLink', 'get', 'getAll', 'getPermissionWarningsById', 'launchApp', 'setEnabled', 'setLaunchType', 'uninstall']
      .map((member) => [`management.${member}`, 'management']),
  ),
};

/**
 * Builds an extension context's `chrome`: the namespaces Chrome gives it, in Chrome's order, each
 * made on first use (as Chrome's bindings are). Where Chrome has a namespace or a member that
 * Switchboard does not implement, reading it warns once in the context's console and gives
 * undefined, so that a real extension's failure names its cause.
 */
export function createExtensionChrome(messaging: ContextMessaging, definitions: readonly NamespaceDefinition[]): Record<string, unknown> {
  const { context } = messaging;
  const chrome: Record<string, unknown> = {};
  // Whatever Chrome's bindings give the context, and never what they do not (an offscreen document has no tabs).
  const implemented = new Map(
    definitions.filter((definition) => definition.available(context) && chromiumMembers(context, definition.name)).map((d) => [d.name, d]),
  );
  const names = new Set(implemented.keys());
  const kind = surfaceKind(context);
  const probed = kind === undefined ? {} : SURFACE[kind];
  for (const name of Object.keys(probed)) if (!names.has(name) && chromeHas(context, name)) names.add(name);
  const warned = new Set<string>();
  const warn = (path: string): undefined => {
    if (!warned.has(path)) {
      warned.add(path);
      context.log('warn', notImplemented(path));
    }
    return undefined;
  };
  for (const name of [...names].sort()) {
    const definition = implemented.get(name);
    lazyProperty(chrome, name, () => (definition ? completed(definition.create(messaging), name, context, warn) : warn(`chrome.${name}`)));
  }
  return chrome;
}

/**
 * A namespace with Chrome's members in Chrome's key order: a warning getter for each one it lacks,
 * and none that Chrome does not give this kind of context (lastError comes and goes later).
 */
function completed(namespace: object, name: string, context: ScriptContext, warn: (path: string) => undefined): object {
  const members = chromiumMembers(context, name);
  if (!members) return namespace;
  const permissions = context.extension?.parsed.permissions;
  const target = namespace as Record<string, unknown>;
  const own = Object.getOwnPropertyDescriptors(namespace);
  for (const key of Object.keys(own)) delete target[key];
  for (const member of members) {
    const descriptor = own[member];
    if (descriptor) {
      Object.defineProperty(target, member, descriptor);
      continue;
    }
    const permission = MEMBER_PERMISSIONS[`${name}.${member}`];
    if (permission !== undefined && !permissions?.has(permission)) continue;
    Object.defineProperty(target, member, { get: () => warn(`chrome.${name}.${member}`), enumerable: true, configurable: true });
  }
  // runtime.lastError is there only while an error is set (a namespace made inside a failing callback).
  if (own.lastError) Object.defineProperty(target, 'lastError', own.lastError);
  return namespace;
}

/** A property made on first read, then an ordinary data property (as V8's lazy data properties look). */
export function lazyProperty(target: Record<string, unknown>, name: string, make: () => unknown): void {
  Object.defineProperty(target, name, {
    get() {
      const value = make();
      Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value: unknown) {
      Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}
