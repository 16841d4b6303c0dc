/**
 * Files served from a folder by URL path (an extension's files, a site's pages): never a file
 * outside the folder, whatever the path says and wherever a symlink on the way points.
 *
 * Chrome resolves an extension resource with ExtensionResource::GetFilePath
 * (extensions/common/extension_resource.cc): `..` may not climb out of the root, and with
 * SYMLINKS_MUST_RESOLVE_WITHIN_ROOT the real path must be inside the real root, else the resource
 * is not found. That is the policy for packed extensions; "Load unpacked" sets
 * FOLLOW_SYMLINKS_ANYWHERE (chrome/browser/extensions/unpacked_installer.cc). Here every folder
 * gets the packed policy: the files run in this process, so a symlink out of the folder would be
 * a read of the host's disk.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';

/**
 * The real path of the existing file (or directory) a URL path names inside `folder`, never
 * outside it: undefined when the path climbs out, when it does not exist, or when its real path
 * (symlinks followed) is not inside the folder's real path.
 */
export function fileIn(folder: string, urlPath: string): string | undefined {
  const root = resolve(folder);
  const file = normalize(join(root, urlPath));
  if (!file.startsWith(root + sep)) return undefined;
  try {
    const real = realpathSync.native(file);
    return real.startsWith(realpathSync.native(root) + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The text of the file a URL path names inside `folder`; undefined when there is no such file. */
export function readFileIn(folder: string, urlPath: string): string | undefined {
  const file = fileIn(folder, urlPath);
  if (file === undefined) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** A URL's path as a file path: decoded, or as written where an escape is malformed (it names no file then). */
export function filePathOf(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}
