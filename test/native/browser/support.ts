import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionChrome } from '../../../src/api/chrome.ts';
import type { Extension } from '../../../src/core/extension.ts';
import type { HostExit } from '../../../src/native/browser/index.ts';
import { fixture, mv3, sw, type Fixture } from '../../support.ts';

export const HOSTS = new URL('../../fixtures/native-hosts/', import.meta.url).pathname;
/** The id every native test extension gets, and the origin its hosts allow. */
export const EXTENSION_ID = 'knldjmfmopnpolahpmmgbagdohdnhkik';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export interface HostSpec {
  /** A script in test/fixtures/native-hosts, or an absolute path. */
  readonly script: string;
  readonly allowedOrigins?: readonly string[];
  /** Fields to write instead of (or besides) the generated ones. */
  readonly manifest?: Record<string, unknown>;
}

/** A fresh folder holding one `<name>.json` manifest per host. */
export function hostDir(hosts: Record<string, HostSpec>): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-native-'));
  for (const [name, spec] of Object.entries(hosts)) {
    const manifest = {
      name,
      description: `test host ${name}`,
      path: spec.script.startsWith('/') ? spec.script : join(HOSTS, spec.script),
      type: 'stdio',
      allowed_origins: spec.allowedOrigins ?? [ORIGIN],
      ...spec.manifest,
    };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(manifest, null, 2));
  }
  return dir;
}

export interface NativeFixture extends Fixture {
  readonly extension: Extension;
  readonly worker: ExtensionChrome;
  /** Every host process started, in order, with its exit. */
  readonly processes: { hostName: string; pid: number | undefined; exited: Promise<HostExit> }[];
}

/** A browser whose hosts are those given, and an extension with the nativeMessaging permission. */
export function nativeFixture(hosts: Record<string, HostSpec>, permissions: string[] = ['nativeMessaging']): NativeFixture {
  const processes: NativeFixture['processes'] = [];
  const f = fixture({
    nativeMessaging: {
      hostDirs: [hostDir(hosts)],
      stderr: 'ignore',
      onHostProcess: (host) => void processes.push({ hostName: host.hostName, pid: host.pid, exited: host.exited }),
    },
  });
  const extension = f.browser.installExtension({ manifest: mv3({ permissions }), id: EXTENSION_ID });
  return { ...f, extension, worker: sw(extension), processes };
}

/** Resolves when `predicate` holds, polling; rejects after `ms`. */
export async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
