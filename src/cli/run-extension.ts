/**
 * `switchboard run <extension dir>`: loads an unpacked extension in an emulated browser, opens the
 * tabs asked for (their pages served from the `--site` folders, frames and all), and prints every
 * console message of every context until all is quiet.
 */
import type { ScriptContext } from '../core/context.ts';
import { createBrowser } from '../index.ts';
import { attachDom, loadUnpacked } from '../loader/index.ts';
import { SiteFolders, pageFrames, pageTitle } from '../loader/sites.ts';

/** How long nothing must happen before the run ends, so that timers in extension code can fire. */
const QUIET_MS = 200;

export async function runExtension(
  dir: string,
  urls: readonly string[],
  write: (line: string) => void,
  sites: SiteFolders = new SiteFolders(new Map()),
): Promise<void> {
  const describe = (context: ScriptContext): string =>
    context.type === 'service_worker' ? 'service worker' : `${context.type.replace('_', ' ')} ${context.url}`;
  let lastEvent = performance.now();
  const browser = createBrowser({
    onConsole: (context, message) => {
      lastEvent = performance.now();
      write(`${describe(context)} [${message.level}] ${message.text}`);
    },
  });
  // Pages not on a site are empty documents; a site's pages run their scripts and open their frames.
  const dom = attachDom(browser, { pages: (url) => sites.page(url) });
  const extension = loadUnpacked(browser, dir);
  write(`loaded ${extension.manifest.name} ${extension.manifest.version} as ${extension.id}`);
  for (const warning of extension.warnings) write(`warning: ${warning}`);
  for (const url of urls) {
    browser.openTab(pageFrames(dom, url)).title = pageTitle(dom, url);
    await browser.idle();
  }
  while (performance.now() - lastEvent < QUIET_MS) {
    await browser.idle();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 4));
  }
  browser.close();
}
