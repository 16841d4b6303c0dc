/**
 * A scenario's native messaging hosts (scenario.json "nativeHosts": {"<host name>": "<manifest>"}):
 * each manifest is written, as `<host name>.json`, into the folder where the browser looks for
 * user-level hosts. Its "path" is relative to the manifest's own folder in the scenario and is made
 * absolute here, since Chrome requires an absolute path on Linux and macOS. Everything else is
 * copied as written, so a scenario can also hold a manifest Chrome refuses.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Scenario } from './scenario.ts';

/** Writes the scenario's host manifests into `dir` (created if needed). */
export function writeNativeHostManifests(scenario: Scenario, dir: string): void {
  if (scenario.nativeHosts.size === 0) return;
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of scenario.nativeHosts) {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (typeof manifest.path === 'string' && manifest.path !== '' && !isAbsolute(manifest.path)) {
      manifest.path = resolve(dirname(file), manifest.path);
    }
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(manifest, null, 2));
  }
}
