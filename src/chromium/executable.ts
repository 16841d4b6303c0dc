/**
 * Where the Chromium that the Chromium engine drives lives, and how to get it. Debian's `chromium`
 * package is the reference browser of this project; SWITCHBOARD_CHROMIUM names another binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const INSTALL_HINT =
  'Chromium is needed for --engine chromium and for the conformance tests. On Debian or Ubuntu, as root: ' +
  '`apt-get update && apt-get install -y chromium`; or set SWITCHBOARD_CHROMIUM to a Chromium binary.';

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

/** The path of the Chromium binary to drive; throws ChromiumMissingError with how to get one. */
export function chromiumExecutable(): string {
  const chosen = process.env.SWITCHBOARD_CHROMIUM;
  if (chosen) {
    if (!existsSync(chosen)) throw new ChromiumMissingError(`SWITCHBOARD_CHROMIUM=${chosen} does not exist. ${INSTALL_HINT}`);
    return chosen;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new ChromiumMissingError(`No Chromium found (looked at ${CANDIDATES.join(', ')}). ${INSTALL_HINT}`);
  return found;
}

/** The installed Chromium's version line, e.g. "Chromium 156.0.8078.108 …". */
export function chromiumVersion(): string {
  const output = execFileSync(chromiumExecutable(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (/Chromium [\d.]+/.exec(output) ?? [output.trim()])[0];
}

/**
 * Installs Debian's chromium when it is missing and this process can (root, apt-get present).
 * Returns what happened, for the caller to print.
 */
export function ensureChromium(): { installed: boolean; path?: string; message: string } {
  try {
    return { installed: false, path: chromiumExecutable(), message: 'Chromium found' };
  } catch (error) {
    if (!(error instanceof ChromiumMissingError)) throw error;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return { installed: false, message: `Chromium is missing and cannot be installed from here. ${INSTALL_HINT}` };
  }
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) return { installed: false, message: `apt-get ${args.join(' ')} failed. ${INSTALL_HINT}` };
  }
  return { installed: true, path: chromiumExecutable(), message: "Installed Debian's chromium" };
}
