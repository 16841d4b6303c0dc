/**
 * Where Chrome looks for a native messaging host's manifest.
 *
 * Linux and macOS (native_process_launcher_posix.cc, chrome/common/chrome_paths.cc): the file
 * `<name>.json` in the user-level folder `<user data dir>/NativeMessagingHosts`, then in the
 * system folder. The first file that exists is the manifest, valid or not: a broken user-level
 * manifest hides a good system one.
 *
 * Windows (native_process_launcher_win.cc): a registry key's default value names the manifest.
 * HKCU before HKLM; within a hive the 32-bit view before the 64-bit one; Chromium builds try
 * `SOFTWARE\Chromium\...` before `SOFTWARE\Google\Chrome\...`. The registry is read through an
 * injectable `RegistryReader`, so the lookup runs (and is tested) anywhere.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { HOST_MANIFEST_PATH_NOT_ABSOLUTE } from '../../core/errors.ts';

export type Brand = 'chrome' | 'chromium';
export type HostPlatform = 'linux' | 'darwin' | 'win32';
export type RegistryHive = 'HKCU' | 'HKLM';
export type RegistryView = 32 | 64;

/** Reads a registry key's default value (REG_SZ); undefined when the key or value is missing. */
export interface RegistryReader {
  readDefaultValue(hive: RegistryHive, key: string, view: RegistryView): string | undefined;
}

export interface ManifestLookupOptions {
  /**
   * Folders to search, in this order, instead of Chrome's: for tests, the CLI and conformance runs.
   * On Windows too (then the registry is not read).
   */
  readonly hostDirs?: readonly string[];
  /** Chrome's --user-data-dir; default: the brand's own (~/.config/google-chrome on Linux, …). */
  readonly userDataDir?: string;
  /** Google Chrome (default) or Chromium: their folders and registry keys differ. */
  readonly brand?: Brand;
  /** Policy NativeMessagingUserLevelHosts: false skips the user-level folder (or HKCU). Default true. */
  readonly userLevelHosts?: boolean;
  /** Default: this machine's (anything but macOS and Windows is treated as Linux). */
  readonly platform?: HostPlatform;
  /** Windows only: how the registry is read. Default: none (nothing is registered). */
  readonly registry?: RegistryReader;
  /** Default: os.homedir(). */
  readonly homeDir?: string;
}

/** One place Chrome looks, and what is there. */
export interface ManifestLocation {
  /** A folder, or a registry key such as `HKCU\SOFTWARE\Google\Chrome\NativeMessagingHosts\<name> (32-bit view)`. */
  readonly where: string;
  readonly level: 'user' | 'system' | 'given';
  /** The manifest file this place names (undefined for a registry key with no value). */
  readonly manifestPath: string | undefined;
  readonly found: boolean;
  /** Why a place that names a file was not used (a relative path in the registry). */
  readonly problem?: string;
}

export interface ManifestLookup {
  /** Every place Chrome would look, in order, up to and including the one that held the manifest. */
  readonly searched: readonly ManifestLocation[];
  /** The manifest Chrome would read: the first place that holds one. */
  readonly manifestPath: string | undefined;
}

export function currentPlatform(): HostPlatform {
  return process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
}

/** chrome::DIR_USER_DATA for a brand: what --user-data-dir overrides. */
export function defaultUserDataDir(brand: Brand, platform: HostPlatform, home: string): string {
  if (platform === 'darwin') {
    return posix.join(home, 'Library/Application Support', brand === 'chrome' ? 'Google/Chrome' : 'Chromium');
  }
  if (platform === 'win32') {
    const local = process.env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local');
    return win32.join(local, brand === 'chrome' ? 'Google\\Chrome\\User Data' : 'Chromium\\User Data');
  }
  const config = process.env.XDG_CONFIG_HOME ?? posix.join(home, '.config');
  return posix.join(config, brand === 'chrome' ? 'google-chrome' : 'chromium');
}

/** chrome::DIR_NATIVE_MESSAGING: the system-wide folder. */
export function systemHostsDir(brand: Brand, platform: HostPlatform): string | undefined {
  if (platform === 'darwin') return brand === 'chrome' ? '/Library/Google/Chrome/NativeMessagingHosts' : '/Library/Application Support/Chromium/NativeMessagingHosts';
  if (platform === 'win32') return undefined;
  return brand === 'chrome' ? '/etc/opt/chrome/native-messaging-hosts' : '/etc/chromium/native-messaging-hosts';
}

/** chrome::DIR_USER_NATIVE_MESSAGING: `<user data dir>/NativeMessagingHosts`. */
export function userHostsDir(userDataDir: string, platform: HostPlatform): string {
  return (platform === 'win32' ? win32 : posix).join(userDataDir, 'NativeMessagingHosts');
}

/** The registry keys a brand reads, in order. */
export function registryKeys(name: string, brand: Brand): string[] {
  const chrome = `SOFTWARE\\Google\\Chrome\\NativeMessagingHosts\\${name}`;
  return brand === 'chromium' ? [`SOFTWARE\\Chromium\\NativeMessagingHosts\\${name}`, chrome] : [chrome];
}

/** Finds `name`'s manifest the way Chrome would on the given platform. */
export function findHostManifest(name: string, options: ManifestLookupOptions = {}): ManifestLookup {
  const platform = options.platform ?? currentPlatform();
  const brand = options.brand ?? 'chrome';
  const userLevel = options.userLevelHosts ?? true;
  const searched: ManifestLocation[] = [];
  const done = (): ManifestLookup => ({ searched, manifestPath: searched.find((place) => place.found)?.manifestPath });
  const inFolder = (dir: string, level: ManifestLocation['level']): boolean => {
    const file = (platform === 'win32' ? win32 : posix).join(dir, `${name}.json`);
    const found = isFile(file);
    searched.push({ where: dir, level, manifestPath: file, found });
    return found;
  };

  if (options.hostDirs) {
    for (const dir of options.hostDirs) if (inFolder(dir, 'given')) break;
    return done();
  }
  if (platform === 'win32') {
    const hives: RegistryHive[] = userLevel ? ['HKCU', 'HKLM'] : ['HKLM'];
    for (const hive of hives) {
      for (const key of registryKeys(name, brand)) {
        for (const view of [32, 64] as const) {
          const where = `${hive}\\${key} (${view}-bit view)`;
          const value = options.registry?.readDefaultValue(hive, key, view);
          const level = hive === 'HKCU' ? 'user' : 'system';
          if (value === undefined) {
            searched.push({ where, level, manifestPath: undefined, found: false });
          } else if (!win32.isAbsolute(value)) {
            searched.push({ where, level, manifestPath: value, found: false, problem: HOST_MANIFEST_PATH_NOT_ABSOLUTE });
          } else {
            // The registry names the manifest: Chrome reads it from there (a missing file fails to load).
            searched.push({ where, level, manifestPath: value, found: true });
            return done();
          }
        }
      }
    }
    return done();
  }
  const home = options.homeDir ?? homedir();
  if (userLevel && inFolder(userHostsDir(options.userDataDir ?? defaultUserDataDir(brand, platform, home), platform), 'user')) {
    return done();
  }
  const system = systemHostsDir(brand, platform);
  if (system !== undefined) inFolder(system, 'system');
  return done();
}

/** base::PathExists: a folder by that name counts too (and then fails to load). */
function isFile(path: string): boolean {
  return existsSync(path);
}
