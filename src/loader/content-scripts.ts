import type { DOMWindow } from 'jsdom';
import type { ContextScript, ScriptContext } from '../core/context.ts';
import type { RunAt } from '../core/manifest/content-scripts.ts';
import { realmOfContext } from './context-realm.ts';
import { domOf } from './dom.ts';
import type { ExtensionFiles } from './extension-files.ts';
import { reportUncaught } from './uncaught.ts';

/**
 * A content script file, run in the extension's isolated world of the frame when its entry's
 * `run_at` comes: document_start at once, document_end after DOMContentLoaded was dispatched,
 * document_idle after load. Files of one world keep their manifest order.
 */
export function contentScript(files: ExtensionFiles, path: string): ContextScript {
  return ({ context }) => {
    const realm = realmOfContext(context);
    if (!realm) throw new Error(`No realm for ${context.toString()}: was the loader attached before the extension was installed?`);
    const run = () => {
      if (context.disposed) return;
      try {
        realm.evaluate(files.readPath(path) ?? '', files.urlOf(path));
      } catch (error) {
        reportUncaught(context, error);
      }
    };
    const document = context.document;
    const window = document ? domOf(context.browser)?.domOf(document).window : undefined;
    const ready = window ? whenReady(window, runAtOf(context, path)) : undefined;
    if (!ready) return run();
    return ready.then(run);
  };
}

/** The run_at of the first manifest entry that injects `path` into this context's frame. */
function runAtOf(context: ScriptContext, path: string): RunAt {
  const document = context.document;
  const entry = context.extension?.parsed.contentScripts.find(
    (candidate) =>
      candidate.js.includes(path) &&
      document !== undefined &&
      candidate.matchesFrame({ url: document.url, isMainFrame: document.frame.isMainFrame }),
  );
  return entry?.runAt ?? 'document_start';
}

/** Undefined when the moment has come; else a promise for it. */
function whenReady(window: DOMWindow, runAt: RunAt): Promise<void> | undefined {
  const state = window.document.readyState;
  if (runAt === 'document_start' || state === 'complete' || (runAt === 'document_end' && state === 'interactive')) return undefined;
  const [target, event] = runAt === 'document_end' ? [window.document, 'DOMContentLoaded'] : [window, 'load'];
  // After every listener of the event ran, as Chrome injects once the event was dispatched.
  return new Promise((resolve) => target.addEventListener(event, () => queueMicrotask(resolve), { once: true }));
}
