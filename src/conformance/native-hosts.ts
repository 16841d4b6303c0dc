/**
 * A scenario's native messaging hosts (scenario.json "nativeHosts": {"<host name>": "<manifest>"}):
 * each manifest is written, as `<host name>.json`, into the folder where the browser looks for
 * user-level hosts. Its "path" is relative to the manifest's own folder in the scenario and is made
 * absolute here, since Chrome requires an absolute path on Linux and macOS. Everything else is
 * copied as written, byte for byte (comments too), so a scenario can also hold a manifest Chrome
 * refuses, or one that only a lenient reader accepts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Scenario } from './scenario.ts';

/** The manifest's first "path" member, as text: the one Chrome reads (keys are unique in a manifest). */
const PATH_MEMBER = /"path"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/** Writes the scenario's host manifests into `dir` (created if needed). */
export function writeNativeHostManifests(scenario: Scenario, dir: string): void {
  if (scenario.nativeHosts.size === 0) return;
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of scenario.nativeHosts) {
    const program = scenario.nativeHostPaths.get(name);
    const text = readFileSync(file, 'utf8').replace(PATH_MEMBER, (member: string, path: string) => {
      if (program !== undefined) return `"path": ${JSON.stringify(program)}`;
      const value = JSON.parse(`"${path}"`) as string;
      if (value === '' || isAbsolute(value)) return member;
      return `"path": ${JSON.stringify(resolve(dirname(file), value))}`;
    });
    writeFileSync(join(dir, `${name}.json`), text);
  }
}
