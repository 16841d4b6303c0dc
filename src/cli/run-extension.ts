/**
 * `switchboard run <extension dir>`: loads an unpacked extension in an emulated browser, opens the
 * tabs asked for, and prints every console message of every context until all is quiet.
 */
import type { ScriptContext } from '../core/context.ts';
import { createBrowser } from '../index.ts';
import { loadUnpacked } from '../loader/index.ts';

/** How long nothing must happen before the run ends, so that timers in extension code can fire. */
const QUIET_MS = 200;

export async function runExtension(dir: string, urls: readonly string[], write: (line: string) => void): Promise<void> {
  const describe = (context: ScriptContext): string =>
    context.type === 'service_worker' ? 'service worker' : `${context.type.replace('_', ' ')} ${context.url}`;
  let lastEvent = performance.now();
  const browser = createBrowser({
    onConsole: (context, message) => {
      lastEvent = performance.now();
      write(`${describe(context)} [${message.level}] ${message.text}`);
    },
  });
  const extension = loadUnpacked(browser, dir);
  write(`loaded ${extension.manifest.name} ${extension.manifest.version} as ${extension.id}`);
  for (const warning of extension.warnings) write(`warning: ${warning}`);
  for (const url of urls) {
    browser.openTab(url);
    await browser.idle();
  }
  while (performance.now() - lastEvent < QUIET_MS) {
    await browser.idle();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 4));
  }
  browser.close();
}
