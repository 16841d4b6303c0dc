/**
 * manifest.json as far as messaging needs it: the keys that decide who an extension's contexts are
 * (background.service_worker, content_scripts), who may reach it (externally_connectable), and what
 * it may use (permissions). Every other key is kept as written and ignored.
 */
import {
  MANIFEST_INVALID_BACKGROUND_SERVICE_WORKER,
  MANIFEST_INVALID_BACKGROUND_TYPE,
  MANIFEST_INVALID_NAME,
  MANIFEST_INVALID_PERMISSIONS,
  MANIFEST_INVALID_VERSION,
  manifestVersionUnsupported,
} from '../errors.ts';
import { parseContentScripts, type ContentScriptEntry } from './content-scripts.ts';
import {
  EXTERNALLY_CONNECTABLE_ABSENT,
  overBroadPatternWarnings,
  parseExternallyConnectable,
  type ExternallyConnectable,
  type OverBroadPatternWarning,
} from './externally-connectable.ts';
import { ManifestError, isDictionary, type InstallWarning } from './manifest-error.ts';

/** The manifest keys Switchboard reads; anything else a manifest holds is allowed and ignored. */
export interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  key?: string;
  description?: string;
  background?: { service_worker?: string; type?: 'classic' | 'module' };
  content_scripts?: {
    matches: string[];
    exclude_matches?: string[];
    include_globs?: string[];
    exclude_globs?: string[];
    js?: string[];
    css?: string[];
    all_frames?: boolean;
    match_about_blank?: boolean;
    match_origin_as_fallback?: boolean;
    run_at?: 'document_start' | 'document_end' | 'document_idle';
    world?: 'ISOLATED' | 'MAIN' | 'USER_SCRIPT';
  }[];
  externally_connectable?: { ids?: string[]; matches?: string[]; accepts_tls_channel_id?: boolean };
  permissions?: string[];
  [key: string]: unknown;
}

/** What the browser model uses of a manifest, checked as Chrome checks it when loading. */
export interface ParsedManifest {
  /** background.service_worker, the script path relative to the extension root. */
  readonly serviceWorker: string | undefined;
  readonly serviceWorkerType: 'classic' | 'module';
  readonly contentScripts: readonly ContentScriptEntry[];
  /** The key's rules; when the key is absent, Chrome's default (any extension, no web page). */
  readonly externallyConnectable: ExternallyConnectable;
  readonly permissions: ReadonlySet<string>;
  /** Chrome's own install warnings. */
  readonly installWarnings: readonly InstallWarning[];
  /** Switchboard's security review: externally_connectable patterns that reach unrelated sites. */
  readonly securityWarnings: readonly OverBroadPatternWarning[];
  /** Every warning's text, Chrome's first. */
  readonly warnings: readonly string[];
}

/** Chrome's Version class: 1 to 4 dot-separated integers, each at most 65535, no leading zeros. */
function isValidVersion(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split('.');
  if (parts.length < 1 || parts.length > 4) return false;
  return parts.every((part) => /^(0|[1-9]\d{0,4})$/.test(part) && Number(part) <= 65535);
}

/** Checks a manifest as Chrome does when it loads an unpacked extension. Throws ManifestError. */
export function parseManifest(manifest: unknown): ParsedManifest {
  if (!isDictionary(manifest)) throw new ManifestError('Manifest is not a valid JSON dictionary.', '');
  const version = manifest.manifest_version;
  if (version !== 3) throw new ManifestError(manifestVersionUnsupported(version), 'manifest_version');
  if (typeof manifest.name !== 'string' || manifest.name.trim() === '') {
    throw new ManifestError(MANIFEST_INVALID_NAME, 'name');
  }
  if (!isValidVersion(manifest.version)) throw new ManifestError(MANIFEST_INVALID_VERSION, 'version');

  let serviceWorker: string | undefined;
  let serviceWorkerType: 'classic' | 'module' = 'classic';
  const background = manifest.background;
  if (background !== undefined) {
    if (!isDictionary(background)) throw new ManifestError(MANIFEST_INVALID_BACKGROUND_SERVICE_WORKER, 'background');
    const worker = background.service_worker;
    if (worker !== undefined) {
      if (typeof worker !== 'string' || worker === '') {
        throw new ManifestError(MANIFEST_INVALID_BACKGROUND_SERVICE_WORKER, 'background.service_worker');
      }
      serviceWorker = worker.replace(/^\/+/, '');
    }
    const type = background.type;
    if (type !== undefined) {
      if (type !== 'classic' && type !== 'module') throw new ManifestError(MANIFEST_INVALID_BACKGROUND_TYPE, 'background.type');
      serviceWorkerType = type;
    }
  }

  const permissions = manifest.permissions ?? [];
  if (!Array.isArray(permissions) || !permissions.every((p): p is string => typeof p === 'string')) {
    throw new ManifestError(MANIFEST_INVALID_PERMISSIONS, 'permissions');
  }

  const installWarnings: InstallWarning[] = [];
  let contentScripts: readonly ContentScriptEntry[] = [];
  if (manifest.content_scripts !== undefined) {
    const parsed = parseContentScripts(manifest.content_scripts, { manifestVersion: 3 });
    contentScripts = parsed.entries;
    installWarnings.push(...parsed.warnings);
  }

  let externallyConnectable = EXTERNALLY_CONNECTABLE_ABSENT;
  let securityWarnings: OverBroadPatternWarning[] = [];
  if (manifest.externally_connectable !== undefined) {
    const parsed = parseExternallyConnectable(manifest.externally_connectable);
    externallyConnectable = parsed.externallyConnectable;
    installWarnings.push(...parsed.warnings);
    const matches = (manifest.externally_connectable as { matches?: string[] }).matches ?? [];
    securityWarnings = overBroadPatternWarnings(matches);
  }

  return {
    serviceWorker,
    serviceWorkerType,
    contentScripts,
    externallyConnectable,
    permissions: new Set(permissions),
    installWarnings,
    securityWarnings,
    warnings: [...installWarnings.map((w) => w.message), ...securityWarnings.map((w) => w.message)],
  };
}
