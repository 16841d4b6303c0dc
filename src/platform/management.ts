import type { Browser } from '../core/browser.ts';
import type { Extension } from '../core/extension.ts';
import { MatchPattern, SCHEME_ALL } from '../core/manifest/match-pattern.ts';
import { grantedPermissions } from './permissions.ts';

/**
 * chrome.management's browser side (extensions/browser/api/management/management_api.cc): each
 * installed extension described as an ExtensionInfo, and the permission warnings a manifest gives
 * (chrome/common/extensions/permissions/chrome_permission_message_rules.cc, with the prompt's
 * English strings). Every extension here is loaded as unpacked: installType 'development'.
 */

export interface IconInfo {
  size: number;
  url: string;
}

/** management.ExtensionInfo, keys in Chrome's order (sorted, as base::Value keeps them; observed in Chromium 156). */
export interface ExtensionInfo {
  description: string;
  disabledReason?: 'unknown' | 'permissions_increase';
  enabled: boolean;
  homepageUrl: string;
  hostPermissions: string[];
  icons?: IconInfo[];
  id: string;
  installType: 'development';
  isApp: false;
  mayDisable: boolean;
  name: string;
  offlineEnabled: boolean;
  optionsUrl: string;
  permissions: string[];
  shortName: string;
  type: 'extension';
  version: string;
  versionName: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** options_ui.page, else options_page (OptionsPageInfo). */
function optionsPage(manifest: Record<string, unknown>): string | undefined {
  return text((manifest.options_ui as { page?: unknown } | undefined)?.page) ?? text(manifest.options_page);
}

/** management_api.cc CreateExtensionInfo. */
export function extensionInfo(extension: Extension): ExtensionInfo {
  const manifest = extension.manifest as Record<string, unknown>;
  const granted = grantedPermissions(extension);
  const options = optionsPage(manifest);
  const info: ExtensionInfo = {
    description: text(manifest.description) ?? '',
    enabled: extension.enabled,
    homepageUrl: text(manifest.homepage_url) ?? '',
    hostPermissions: granted.origins,
    id: extension.id,
    installType: 'development',
    isApp: false,
    mayDisable: true,
    name: String(manifest.name),
    offlineEnabled: manifest.offline_enabled === true,
    optionsUrl: options === undefined ? '' : extension.getURL(options),
    permissions: granted.permissions,
    shortName: text(manifest.short_name) ?? String(manifest.name),
    type: 'extension',
    version: String(manifest.version),
    versionName: text(manifest.version_name) ?? '',
  };
  if (!extension.enabled) info.disabledReason = 'unknown';
  const icons = manifest.icons;
  if (typeof icons === 'object' && icons !== null) {
    const sizes = Object.keys(icons).map(Number).filter((size) => Number.isInteger(size) && size > 0).sort((a, b) => a - b);
    if (sizes.length > 0) {
      // ExtensionIconSource::GetIconURL for an enabled extension's icon.
      const list = sizes.map((size) => ({ size, url: `chrome://extension-icon/${extension.id}/${size}/0` }));
      return insertIcons(info, list);
    }
  }
  return info;
}

/** The info with `icons` in its sorted place (after hostPermissions). */
function insertIcons(info: ExtensionInfo, icons: IconInfo[]): ExtensionInfo {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(info)) {
    if (key === 'id') out.icons = icons;
    out[key] = value;
  }
  return out as unknown as ExtensionInfo;
}

/** Installed extensions as management.getAll lists them: ExtensionRegistry's sets, ordered by id. */
export function installedExtensions(browser: Browser): Extension[] {
  return [...browser.extensions.values()].filter((extension) => extension.installed).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// The prompt's warnings (chrome/app/generated_resources.grd IDS_EXTENSION_PROMPT_WARNING_*), English.
const ALL_HOSTS = 'Read and change all your data on all websites';
const SEVERAL_HOSTS = 'Read and change your data on a number of websites';
const hostsWarning = (hosts: readonly string[]): string => {
  if (hosts.length === 1) return `Read and change your data on ${hosts[0]}`;
  if (hosts.length === 2) return `Read and change your data on ${hosts[0]} and ${hosts[1]}`;
  return `Read and change your data on ${hosts[0]}, ${hosts[1]}, and ${hosts[2]}`;
};
/** API permissions' warnings, in the order the rules give them; tabs' is covered by access to every host. */
const API_WARNINGS: readonly (readonly [string, string])[] = [
  ['history', 'Read and change your browsing history on all your signed-in devices'],
  ['tabs', 'Read your browsing history'],
  ['bookmarks', 'Read and change your bookmarks'],
  ['downloads', 'Manage your downloads'],
  ['management', 'Manage your apps, extensions, and themes'],
  ['nativeMessaging', 'Communicate with cooperating native applications'],
  ['notifications', 'Display notifications'],
  ['clipboardRead', 'Read data you copy and paste'],
  ['geolocation', 'Detect your physical location'],
];

/** The permission warnings of a manifest's permissions, host permissions and content scripts. */
export function permissionWarnings(manifest: Record<string, unknown>): string[] {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const scripts = Array.isArray(manifest.content_scripts) ? (manifest.content_scripts as { matches?: unknown }[]).flatMap((entry) => strings(entry.matches)) : [];
  const patterns = [...strings(manifest.host_permissions), ...scripts]
    .map((entry) => MatchPattern.tryParse(entry, SCHEME_ALL))
    .filter((pattern): pattern is MatchPattern => pattern instanceof MatchPattern);
  const warnings: string[] = [];
  const allHosts = patterns.some((pattern) => pattern.matchAllUrls || (pattern.matchSubdomains && pattern.host === ''));
  if (allHosts) warnings.push(ALL_HOSTS);
  else {
    const hosts = [...new Set(patterns.filter((p) => p.host !== '').map((p) => (p.matchSubdomains ? `*.${p.host}` : p.host)))].sort();
    const shown = hosts.map((host) => (host.startsWith('*.') ? `all ${host.slice(2)} sites` : host));
    if (shown.length > 3) warnings.push(SEVERAL_HOSTS);
    else if (shown.length > 0) warnings.push(hostsWarning(shown));
  }
  const permissions = new Set(strings(manifest.permissions));
  for (const [permission, warning] of API_WARNINGS) {
    if (!permissions.has(permission)) continue;
    if (permission === 'tabs' && (allHosts || permissions.has('history'))) continue;
    warnings.push(warning);
  }
  return warnings;
}
