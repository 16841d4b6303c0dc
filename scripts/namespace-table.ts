/**
 * Prints the README's table of chrome.* namespaces: for each one Chromium 156 exposes (with every
 * permission, src/api/surface/chromium-156.json), whether Switchboard has it in each kind of
 * context: done (every member Chrome has there), partial (some members still warn "not
 * implemented"), or absent. Run: node --import tsx scripts/namespace-table.ts
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBrowser, type ScriptContext } from '../src/index.ts';
import { loadUnpacked } from '../src/loader/index.ts';
import surface from '../src/api/surface/chromium-156.json' with { type: 'json' };

const KINDS = ['service_worker', 'extension_page', 'content_script', 'offscreen_document'] as const;
const HEADINGS = ['service worker', 'extension page, popup, side panel', 'content script', 'offscreen document'];

const browser = createBrowser({ onConsole: () => {} });
const extension = loadUnpacked(browser, realpathSync(fileURLToPath(new URL('surface-probe/extension', import.meta.url))));
await browser.idle();
const tab = browser.openTab('http://a.test/index.html');
const page = extension.openPage('page.html');
await browser.idle();

const contexts: Record<(typeof KINDS)[number], ScriptContext | undefined> = {
  service_worker: extension.serviceWorker,
  extension_page: page.mainFrame.document.mainWorld,
  content_script: tab.mainFrame.contentScript(extension),
  offscreen_document: [...browser.views].find((view) => view.view === 'offscreen_document')?.mainFrame.document.mainWorld,
};

const probed = surface as unknown as Record<string, Record<string, string[] | string>>;
const names = [...new Set(KINDS.flatMap((kind) => Object.keys(probed[kind] ?? {})))].filter((name) => name !== 'loadTimes' && name !== 'csi').sort();
const rows: string[] = [];
for (const name of names) {
  const cells = KINDS.map((kind) => {
    const members = probed[kind]?.[name];
    if (!Array.isArray(members)) return '—';
    const chrome = contexts[kind]?.chrome as Record<string, unknown> | undefined;
    const namespace = chrome?.[name] as Record<string, unknown> | undefined;
    if (!namespace) return 'absent';
    const missing = members.map((member) => member.slice(0, member.indexOf(':'))).filter((member) => {
      const descriptor = Object.getOwnPropertyDescriptor(namespace, member);
      return descriptor === undefined || (descriptor.get !== undefined && namespace[member] === undefined);
    });
    return missing.length === 0 ? 'done' : `partial (${members.length - missing.length}/${members.length})`;
  });
  rows.push(`| \`${name}\` | ${cells.join(' | ')} |`);
}
console.log(`| namespace | ${HEADINGS.join(' | ')} |`);
console.log(`| --- | ${HEADINGS.map(() => '---').join(' | ')} |`);
console.log(rows.join('\n'));
browser.close();
