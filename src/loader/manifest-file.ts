import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestError } from '../core/manifest/manifest-error.ts';
import { MANIFEST_UNREADABLE, manifestNotValidJson } from '../core/errors.ts';
import { fileIn } from './folder-files.ts';

/**
 * A manifest problem found while loading from disk: Chrome's text, the manifest's absolute path
 * and the offending key (empty for the whole file). The original core error, if any, is the cause.
 */
export function manifestFileError(file: string, message: string, key: string, cause?: unknown): ManifestError {
  const where = key === '' ? file : `${file}, key '${key}'`;
  const error = new ManifestError(`${message} (${where})`, key, file);
  if (cause !== undefined) error.cause = cause;
  return error;
}

/** Reads `<dir>/manifest.json` as Chrome's LoadManifest does: JSON, with comments allowed. */
export function readManifestFile(dir: string): { file: string; manifest: unknown } {
  const file = join(dir, 'manifest.json');
  // A manifest.json that is a symlink out of the folder is missing (folder-files.ts).
  const real = fileIn(dir, 'manifest.json');
  if (real === undefined) throw manifestFileError(file, MANIFEST_UNREADABLE, '');
  let text: string;
  try {
    text = readFileSync(real, 'utf8');
  } catch (error) {
    throw manifestFileError(file, MANIFEST_UNREADABLE, '', error);
  }
  try {
    return { file, manifest: JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, ''))) };
  } catch (error) {
    throw manifestFileError(file, manifestNotValidJson((error as Error).message), '', error);
  }
}

/** JSON_ALLOW_COMMENTS: `//` and `/* *\/` comments outside strings are whitespace. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i += comment.length - 1;
    } else out += c;
  }
  return out;
}
