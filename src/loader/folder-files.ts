/**
 * Files served from a folder by URL path (an extension's files, a site's pages): never a file
 * outside the folder, whatever the path says.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** The file for a URL path inside `folder`, never outside it. */
export function fileIn(folder: string, urlPath: string): string | undefined {
  const file = normalize(join(folder, urlPath));
  return file.startsWith(normalize(folder) + sep) ? file : undefined;
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
