import type { DOMWindow } from 'jsdom';
import type { ScriptContext } from '../core/context.ts';
import { realmOfContext } from './context-realm.ts';
import { INLINE_SCRIPT_REFUSED, RESOURCE_NOT_FOUND } from '../core/errors.ts';
import { moduleSourceOf } from './module-access.ts';
import { evaluateModule } from './module-graph.ts';
import { deferDocumentEvents } from './jsdom-internals.ts';
import { reportUncaught } from './uncaught.ts';

const CLASSIC_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * Runs a page's `<script>` elements in its main world, in document order: `src` scripts fetched
 * through `resolve` (against the page URL), inline ones only where the page's CSP allows them
 * (web pages; not MV3 extension pages). Module scripts run after the classic ones, as deferred
 * scripts do. Each script's exception is reported and does not stop the next.
 */
export async function runPageScripts(
  context: ScriptContext,
  window: DOMWindow,
  resolve: (url: string) => string | undefined,
  options: { inline: boolean },
): Promise<void> {
  const realm = realmOfContext(context);
  if (!realm) throw new Error(`No realm for ${context.toString()}`);
  const modules: string[] = [];
  for (const element of [...window.document.querySelectorAll('script')]) {
    const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
    if (!CLASSIC_TYPES.has(type)) continue;
    const src = element.getAttribute('src');
    const url = src === null ? `${context.url}#inline` : new URL(src, context.url).href;
    if (src === null && !options.inline) {
      context.log('error', INLINE_SCRIPT_REFUSED);
      continue;
    }
    const source = src === null ? element.textContent ?? '' : resolve(url);
    if (source === undefined) {
      context.log('error', RESOURCE_NOT_FOUND);
      continue;
    }
    if (type === 'module') {
      if (src !== null) modules.push(url);
      continue;
    }
    try {
      realm.evaluate(source, url);
    } catch (error) {
      reportUncaught(context, error);
    }
  }
  if (modules.length === 0) return;
  // A module graph loads only the realm's own files, as its import() calls do (module-access.ts).
  const moduleSource = moduleSourceOf(realm);
  const deferred = (async () => {
    for (const url of modules) await evaluateModule(realm, url, moduleSource).catch((error: unknown) => reportUncaught(context, error));
  })();
  // Module scripts are deferred: DOMContentLoaded and load wait for them (a `window.onload` a
  // module sets is called).
  deferDocumentEvents(window, deferred);
  await deferred;
}
