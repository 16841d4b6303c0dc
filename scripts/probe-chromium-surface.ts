/**
 * Writes src/api/surface/chromium-156.json: every chrome.* namespace and member that the installed
 * Chromium gives a service worker, an extension page, an offscreen document and a content script of an extension that
 * holds every permission (scripts/surface-probe). Switchboard names what it lacks of it in the
 * context's console. Run: node --import tsx scripts/probe-chromium-surface.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumEngine } from '../src/chromium/chromium-engine.ts';
import { runScenario } from '../src/conformance/engine.ts';
import { loadScenario } from '../src/conformance/scenario.ts';
import { chromiumVersion } from '../src/chromium/executable.ts';

const scenario = loadScenario(fileURLToPath(new URL('surface-probe', import.meta.url)));
const run = await runScenario(scenario, chromiumEngine);
const kinds: Record<string, string> = { sw: 'service_worker', page: 'extension_page', cs: 'content_script', offscreen: 'offscreen_document' };
const surface: Record<string, unknown> = { chromium: chromiumVersion() };
for (const observation of run.observations) {
  const kind = kinds[observation.label];
  if (kind && observation.json !== undefined) surface[kind] = JSON.parse(observation.json) as unknown;
}
const out = fileURLToPath(new URL('../src/api/surface/chromium-156.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(surface, null, 1)}\n`);
console.log(`wrote ${out}`);
