/**
 * `switchboard native check <name|manifest.json>`: where Chrome would look for the host, what it
 * found there, and every problem with the manifest and the host file, each with its fix. Chrome
 * itself stops at the first problem and tells the extension only "not found" or "forbidden".
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { NATIVE_HOST_EXITED, NATIVE_HOST_FORBIDDEN, NATIVE_HOST_INVALID_NAME, NATIVE_HOST_NOT_FOUND } from '../core/errors.ts';
import { isValidExtensionId } from '../core/ids.ts';
import {
  allowsExtension,
  currentPlatform,
  findHostManifest,
  isValidNativeHostName,
  parseNativeHostManifest,
  type Brand,
  type ManifestLookupOptions,
} from '../native/browser/index.ts';

export interface NativeCliOptions {
  readonly origin?: string;
  readonly brand?: Brand;
  readonly userDataDir?: string;
  readonly hostDir?: readonly string[];
}

export function lookupOptions(options: NativeCliOptions): ManifestLookupOptions {
  return {
    ...(options.brand && { brand: options.brand }),
    ...(options.userDataDir !== undefined && { userDataDir: options.userDataDir }),
    ...(options.hostDir && options.hostDir.length > 0 && { hostDirs: options.hostDir }),
  };
}

/** A manifest file is named by a path that exists or ends in .json; anything else is a host name. */
export function isManifestArgument(target: string): boolean {
  return target.endsWith('.json') || (target.includes('/') && existsSync(target));
}

/** `chrome-extension://<id>/` → id, or undefined. */
export function extensionIdOfOrigin(origin: string): string | undefined {
  const id = /^chrome-extension:\/\/([^/]+)\/?$/.exec(origin)?.[1];
  return id !== undefined && isValidExtensionId(id) ? id : undefined;
}

/** Runs the check, writing a report; returns the number of problems. */
export function nativeCheck(target: string, options: NativeCliOptions, write: (line: string) => void): number {
  const problems: string[] = [];
  const problem = (text: string, fix: string): void => {
    problems.push(text);
    write(`  ✗ ${text}\n      fix: ${fix}`);
  };
  const ok = (text: string): void => write(`  ✓ ${text}`);
  const lookup = lookupOptions(options);

  let manifestPath: string | undefined;
  let name: string;
  if (isManifestArgument(target)) {
    manifestPath = resolve(target);
    name = basename(manifestPath, '.json');
    try {
      const declared = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: unknown }).name;
      if (typeof declared === 'string') name = declared;
    } catch {
      // reported below
    }
  } else {
    name = target;
  }

  write(`Native host "${name}"`);
  if (!isValidNativeHostName(name)) {
    problem(`the name is invalid: the extension would get "${NATIVE_HOST_INVALID_NAME}"`, 'use lowercase letters, digits and "_" in parts separated by single dots, e.g. com.example.my_host');
  }

  write(`\nWhere Chrome looks (${options.hostDir?.length ? 'the given folders' : `${lookup.brand ?? 'chrome'} on ${currentPlatform()}`}), in order:`);
  const found = findHostManifest(name, lookup);
  for (const place of found.searched) {
    const state = place.found ? 'FOUND' : place.problem ? `skipped: ${place.problem}` : 'nothing';
    write(`  ${place.level.padEnd(6)} ${place.manifestPath ?? place.where}  ${state}`);
  }
  if (manifestPath === undefined) {
    if (found.manifestPath === undefined) {
      problem(`no manifest found: the extension would get "${NATIVE_HOST_NOT_FOUND}"`, `save the manifest as ${found.searched[0]?.manifestPath ?? `<folder>/${name}.json`}`);
      return report(problems, write);
    }
    manifestPath = found.manifestPath;
  } else if (found.manifestPath !== manifestPath) {
    const used = found.manifestPath === undefined ? 'finds no manifest there' : `uses ${found.manifestPath} instead`;
    problem(`Chrome does not read ${manifestPath}: it ${used}`, `copy it to ${found.searched[0]?.manifestPath ?? `<folder>/${name}.json`}`);
  }

  write(`\nThe manifest ${manifestPath}:`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    problem(`it is not valid JSON (${(error as Error).message})`, 'write strict JSON: double quotes, no comments, no trailing commas');
    return report(problems, write);
  }
  for (const [text, fix] of manifestProblems(value, name)) problem(text, fix);
  const parsed = parseNativeHostManifest(value);
  if (parsed.ok) ok('name, description, type and allowed_origins are valid');

  const path = (value as { path?: unknown }).path;
  if (typeof path === 'string' && path !== '') {
    write(`\nThe host ${path}:`);
    if (!isAbsolute(path)) {
      problem('the path is relative: on Linux and macOS Chrome reports "not found"', `use the absolute path, e.g. ${resolve(manifestPath, '..', path)}`);
    } else if (!existsSync(path)) {
      problem(`the file does not exist: the extension would get "${NATIVE_HOST_NOT_FOUND}"`, 'correct "path", or install the host there');
    } else if (statSync(path).isDirectory()) {
      problem('it is a folder, not a program', 'point "path" at the host program');
    } else {
      hostFileProblems(path, problem, ok);
    }
  }

  if (options.origin !== undefined) {
    const id = extensionIdOfOrigin(options.origin);
    if (id === undefined) {
      problem(`--origin ${options.origin} is not chrome-extension://<32 letters a-p>/`, 'pass the extension origin, e.g. chrome-extension://knldjmfmopnpolahpmmgbagdohdnhkik/');
    } else if (parsed.ok && !allowsExtension(parsed.manifest, id)) {
      problem(`${options.origin} may not use this host: the extension would get "${NATIVE_HOST_FORBIDDEN}"`, `add "chrome-extension://${id}/" to allowed_origins`);
    } else if (parsed.ok) {
      ok(`${options.origin} is allowed`);
    }
  }
  return report(problems, write);
}

function report(problems: readonly string[], write: (line: string) => void): number {
  write(problems.length === 0 ? '\nNo problems: Chrome can start this host.' : `\n${problems.length} problem(s).`);
  return problems.length;
}

/** Every field problem (Chrome stops at the first), with how to fix it. */
function manifestProblems(value: unknown, requestedName: string): [string, string][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [['the manifest is not a JSON object', 'write one object: {"name": …, "description": …, "path": …, "type": "stdio", "allowed_origins": […]}']];
  }
  const fields = value as Record<string, unknown>;
  const found: [string, string][] = [];
  if (typeof fields.name !== 'string' || !isValidNativeHostName(fields.name)) {
    found.push(['"name" is missing or invalid', 'lowercase letters, digits and "_", in parts separated by single dots']);
  } else if (fields.name !== requestedName) {
    found.push([`"name" is "${fields.name}" but the host is asked for as "${requestedName}"`, `make "name" "${requestedName}" (and the file ${requestedName}.json)`]);
  }
  if (typeof fields.description !== 'string' || fields.description === '') found.push(['"description" is missing or empty', 'add a non-empty "description"']);
  if (fields.type !== 'stdio') found.push([`"type" is ${JSON.stringify(fields.type)}`, 'set "type": "stdio"']);
  if (typeof fields.path !== 'string' || fields.path === '') found.push(['"path" is missing or empty', 'set "path" to the absolute path of the host program']);
  const origins = fields.allowed_origins;
  if (!Array.isArray(origins)) {
    found.push(['"allowed_origins" is not a list', 'set "allowed_origins": ["chrome-extension://<extension id>/"]']);
  } else {
    if (origins.length === 0) found.push(['"allowed_origins" is empty: no extension may use the host', 'add "chrome-extension://<extension id>/"']);
    for (const origin of origins as unknown[]) {
      const single = parseNativeHostManifest({ ...fields, name: 'a', description: 'a', type: 'stdio', path: 'a', allowed_origins: [origin] });
      if (single.ok) continue;
      const fix =
        typeof origin === 'string' && /^chrome-extension:\/\/[^/]+$/.test(origin)
          ? `add the trailing slash: "${origin}/"`
          : 'each entry is "chrome-extension://<extension id>/", without wildcards';
      found.push([`allowed_origins entry ${JSON.stringify(origin)}: ${single.error}`, fix]);
    }
  }
  return found;
}

/** Chrome runs the file itself: it must be executable, and a script needs a working #! line. */
function hostFileProblems(path: string, problem: (text: string, fix: string) => void, ok: (text: string) => void): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    problem(`the file is not executable: the host would exit at once ("${NATIVE_HOST_EXITED}")`, `chmod +x ${path}`);
    return;
  }
  const head = readFileSync(path).subarray(0, 256).toString('latin1');
  if (head.startsWith('\u007fELF') || head.startsWith('\xcf\xfa\xed\xfe') || head.startsWith('\xca\xfe\xba\xbe')) {
    ok('an executable program');
    return;
  }
  if (!head.startsWith('#!')) {
    problem('the script has no #! line, so the system cannot run it', 'start it with e.g. #!/usr/bin/env node or #!/usr/bin/env python3');
    return;
  }
  const [interpreter, ...args] = head.slice(2).split('\n', 1)[0]!.trim().split(/\s+/);
  const program = interpreter === '/usr/bin/env' ? args.find((arg) => !arg.startsWith('-')) : interpreter;
  if (interpreter !== undefined && !existsSync(interpreter)) {
    problem(`the #! interpreter ${interpreter} does not exist`, 'use #!/usr/bin/env <interpreter>');
  } else if (program !== undefined && interpreter === '/usr/bin/env' && !onPath(program)) {
    problem(`"${program}" is not on PATH here; Chrome's PATH may be shorter still`, `install ${program}, or name it by absolute path in the #! line`);
  } else {
    ok(`an executable script (#!${head.slice(2).split('\n', 1)[0]!.trim()})`);
  }
}

function onPath(program: string): boolean {
  if (program.includes('/')) return existsSync(program);
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(resolve(dir, program)));
}
