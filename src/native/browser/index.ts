/**
 * The browser side of native messaging: finding a host's manifest where Chrome would, checking it
 * by Chrome's rules, and running the host as a real process that speaks Chrome's wire protocol.
 * The message service sees each host as the receiver end of a channel (core/native-host.ts).
 */
export { createNativeHostLauncher, type NativeMessagingOptions } from './launcher.ts';
export { NativeMessageProcessHost, HOST_EXIT_GRACE_MS, frameJsonText, type HostExit, type HostProcessInfo, type HostStderr } from './process-host.ts';
export { resolveNativeHost, hostCommand, type HostCommand, type HostResolution, type ResolveOptions } from './resolve-host.ts';
export {
  findHostManifest,
  defaultUserDataDir,
  systemHostsDir,
  userHostsDir,
  registryKeys,
  currentPlatform,
  type Brand,
  type HostPlatform,
  type ManifestLocation,
  type ManifestLookup,
  type ManifestLookupOptions,
  type RegistryReader,
  type RegistryHive,
  type RegistryView,
} from './manifest-lookup.ts';
export {
  isValidNativeHostName,
  parseNativeHostManifest,
  parseNativeHostManifestText,
  allowsExtension,
  extensionOrigin,
  type NativeHostManifest,
  type HostManifestResult,
} from './host-manifest.ts';
