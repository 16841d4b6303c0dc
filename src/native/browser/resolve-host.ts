/**
 * From a host name to the command Chrome would run, with every check of
 * NativeProcessLauncherImpl::Core::DoLaunchOnThreadPool (native_process_launcher.cc) in its order.
 * The result says which of Chrome's errors the extension would see, and why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import {
  HOST_MANIFEST_NAME_MISMATCH,
  NATIVE_HOST_FORBIDDEN,
  NATIVE_HOST_INVALID_NAME,
  NATIVE_HOST_NOT_FOUND,
} from '../../core/errors.ts';
import { allowsExtension, extensionOrigin, isValidNativeHostName, parseNativeHostManifestText, type NativeHostManifest } from './host-manifest.ts';
import { currentPlatform, findHostManifest, type ManifestLocation, type ManifestLookupOptions } from './manifest-lookup.ts';

/** What Chrome runs: the host file with the origin as its only argument (Windows adds --parent-window). */
export interface HostCommand {
  readonly file: string;
  readonly args: readonly string[];
  /** The host's own folder. */
  readonly cwd: string;
}

export interface HostResolution {
  readonly hostName: string;
  readonly origin: string;
  readonly searched: readonly ManifestLocation[];
  readonly manifestPath?: string;
  readonly manifest?: NativeHostManifest;
  /** The host file, made absolute where Chrome does (Windows: relative to the manifest). */
  readonly hostPath?: string;
  /** Chrome's error for the extension; undefined when the host can be launched. */
  readonly error?: string;
  /** Why, in Chrome's log words where Chrome has them. */
  readonly reason?: string;
  readonly command?: HostCommand;
}

export interface ResolveOptions extends ManifestLookupOptions {
  /**
   * Read this manifest file instead of looking the name up (the CLI's `native check x.json`).
   * The requested name is then the manifest's own.
   */
  readonly manifestFile?: string;
}

/** Resolves `hostName` for the extension `extensionId` as Chrome would. Synchronous file I/O. */
export function resolveNativeHost(hostName: string, extensionId: string, options: ResolveOptions = {}): HostResolution {
  const platform = options.platform ?? currentPlatform();
  const paths = platform === 'win32' ? win32 : posix;
  const origin = extensionOrigin(extensionId);
  const base = { hostName, origin };
  if (!isValidNativeHostName(hostName)) {
    return { ...base, searched: [], error: NATIVE_HOST_INVALID_NAME, reason: `"${hostName}" is not a valid host name` };
  }
  const lookup = options.manifestFile
    ? { searched: [{ where: paths.dirname(options.manifestFile), level: 'given' as const, manifestPath: options.manifestFile, found: existsSync(options.manifestFile) }], manifestPath: existsSync(options.manifestFile) ? options.manifestFile : undefined }
    : findHostManifest(hostName, options);
  const found = { ...base, searched: lookup.searched };
  const manifestPath = lookup.manifestPath;
  if (manifestPath === undefined) {
    return { ...found, error: NATIVE_HOST_NOT_FOUND, reason: `Can't find manifest for native messaging host ${hostName}` };
  }
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    return { ...found, manifestPath, error: NATIVE_HOST_NOT_FOUND, reason: (error as Error).message };
  }
  const parsed = parseNativeHostManifestText(text);
  if (!parsed.ok) return { ...found, manifestPath, error: NATIVE_HOST_NOT_FOUND, reason: parsed.error };
  const manifest = parsed.manifest;
  const loaded = { ...found, manifestPath, manifest };
  if (manifest.name !== hostName) return { ...loaded, error: NATIVE_HOST_NOT_FOUND, reason: HOST_MANIFEST_NAME_MISMATCH };
  if (!allowsExtension(manifest, extensionId)) {
    return { ...loaded, error: NATIVE_HOST_FORBIDDEN, reason: `${origin} is not in allowed_origins` };
  }
  let hostPath = manifest.path;
  if (!paths.isAbsolute(hostPath)) {
    // Only Windows resolves a relative path against the manifest's folder.
    if (platform !== 'win32') {
      return { ...loaded, error: NATIVE_HOST_NOT_FOUND, reason: `The host path must be absolute on Linux and macOS: "${hostPath}"` };
    }
    hostPath = paths.join(paths.dirname(manifestPath), hostPath);
  }
  const located = { ...loaded, hostPath };
  if (!existsSync(hostPath)) {
    return { ...located, error: NATIVE_HOST_NOT_FOUND, reason: `Found manifest, but not the binary for native messaging host ${hostName}. Host path specified in the manifest: ${hostPath}` };
  }
  return { ...located, command: hostCommand(hostPath, origin, platform) };
}

/**
 * The command line (native_process_launcher.cc): `<path> <origin>`; on Windows Chrome adds
 * `--parent-window=<HWND>` (0 here: no window) and runs it through `%COMSPEC% /d /c`.
 */
export function hostCommand(hostPath: string, origin: string, platform = currentPlatform()): HostCommand {
  if (platform === 'win32') {
    const comspec = process.env.COMSPEC ?? 'cmd.exe';
    return { file: comspec, args: ['/d', '/c', `"${hostPath}" ${origin} --parent-window=0`], cwd: win32.dirname(hostPath) };
  }
  return { file: hostPath, args: [origin], cwd: posix.dirname(hostPath) };
}
