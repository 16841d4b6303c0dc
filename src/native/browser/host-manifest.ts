/**
 * A native messaging host manifest, checked as Chrome checks it
 * (chrome/browser/extensions/api/messaging/native_messaging_host_manifest.cc). Every refusal carries
 * Chrome's own log text; the extension itself only ever sees NATIVE_HOST_NOT_FOUND.
 */
import stripJsonComments from 'strip-json-comments';
import {
  HOST_MANIFEST_INVALID_DESCRIPTION,
  HOST_MANIFEST_INVALID_NAME,
  HOST_MANIFEST_INVALID_PATH,
  HOST_MANIFEST_INVALID_TYPE,
  HOST_MANIFEST_NOT_A_DICTIONARY,
  HOST_MANIFEST_ORIGINS_NOT_A_LIST,
  HOST_MANIFEST_ORIGIN_NOT_A_STRING,
  hostManifestPatternNotAllowed,
  hostManifestPatternUnparsable,
} from '../../core/errors.ts';
import { MatchPattern, MatchPatternError, SCHEME_EXTENSION } from '../../core/manifest/match-pattern.ts';

/** A manifest Chrome accepts. */
export interface NativeHostManifest {
  readonly name: string;
  readonly description: string;
  /** As written: absolute on Linux and macOS; on Windows possibly relative to the manifest's folder. */
  readonly path: string;
  readonly type: 'stdio';
  readonly allowedOrigins: readonly MatchPattern[];
  readonly supportsNativeInitiatedConnections: boolean;
}

export type HostManifestResult =
  | { readonly ok: true; readonly manifest: NativeHostManifest }
  | { readonly ok: false; readonly error: string };

/**
 * NativeMessagingHostManifest::IsValidName: dot-separated parts of lowercase letters, digits and
 * underscores; no empty part (so no leading, trailing or double dot).
 */
export function isValidNativeHostName(name: string): boolean {
  return /^[a-z0-9_]+(\.[a-z0-9_]+)*$/.test(name);
}

/**
 * NativeMessagingHostManifest::Load: the manifest file's text, then Parse. Chrome's JSON reader
 * skips // and /* *\/ comments (the nativeMessaging sample's manifest starts with a licence in
 * // comments: Chromium 156 runs that host).
 */
export function parseNativeHostManifestText(text: string): HostManifestResult {
  let value: unknown;
  try {
    value = JSON.parse(stripJsonComments(text));
  } catch (error) {
    // JSONFileValueDeserializer's own message differs; this is JavaScript's, which says where.
    return { ok: false, error: (error as Error).message };
  }
  return parseNativeHostManifest(value);
}

/** NativeMessagingHostManifest::Parse: the fields in Chrome's order; the first problem wins. */
export function parseNativeHostManifest(value: unknown): HostManifestResult {
  const fail = (error: string): HostManifestResult => ({ ok: false, error });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(HOST_MANIFEST_NOT_A_DICTIONARY);
  const fields = value as Record<string, unknown>;
  const { name, description, type, path } = fields;
  if (typeof name !== 'string' || !isValidNativeHostName(name)) return fail(HOST_MANIFEST_INVALID_NAME);
  if (typeof description !== 'string' || description === '') return fail(HOST_MANIFEST_INVALID_DESCRIPTION);
  if (type !== 'stdio') return fail(HOST_MANIFEST_INVALID_TYPE);
  if (typeof path !== 'string' || path === '') return fail(HOST_MANIFEST_INVALID_PATH);
  const origins = fields.allowed_origins;
  if (!Array.isArray(origins)) return fail(HOST_MANIFEST_ORIGINS_NOT_A_LIST);
  const allowedOrigins: MatchPattern[] = [];
  for (const origin of origins as unknown[]) {
    if (typeof origin !== 'string') return fail(HOST_MANIFEST_ORIGIN_NOT_A_STRING);
    const pattern = MatchPattern.tryParse(origin, SCHEME_EXTENSION);
    if (pattern instanceof MatchPatternError) return fail(hostManifestPatternUnparsable(origin, pattern.message));
    // A host wildcard (or <all_urls>) would let any extension in.
    if (pattern.matchAllUrls || pattern.matchSubdomains) return fail(hostManifestPatternNotAllowed(origin));
    allowedOrigins.push(pattern);
  }
  // Read (and checked, HOST_MANIFEST_NATIVE_INITIATED_NOT_BOOLEAN) only with the OnConnectNative
  // feature, which desktop Chrome leaves off: here it is ignored, as there.
  const nativeInitiated = fields.supports_native_initiated_connections === true;
  return {
    ok: true,
    manifest: { name, description, path, type, allowedOrigins, supportsNativeInitiatedConnections: nativeInitiated },
  };
}

/** `chrome-extension://<id>/`: the origin Chrome checks and passes to the host (GURL(...).spec()). */
export function extensionOrigin(extensionId: string): string {
  return `chrome-extension://${extensionId}/`;
}

/**
 * URLPatternSet::MatchesSecurityOrigin: scheme, host and port of the origin; the path is ignored,
 * so `chrome-extension://<id>/` and `chrome-extension://<id>/*` both allow the extension.
 */
export function allowsExtension(manifest: NativeHostManifest, extensionId: string): boolean {
  return manifest.allowedOrigins.some(
    (pattern) => pattern.matchesScheme('chrome-extension') && pattern.matchesHost(extensionId) && pattern.port === '*',
  );
}
