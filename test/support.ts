import type { ContentScriptChrome, ExtensionChrome, WebPageChrome } from '../src/api/chrome.ts';
import type { Browser, ConsoleMessage, CreateBrowserOptions, Frame, Manifest, ScriptContext } from '../src/index.ts';
import { createBrowser } from '../src/index.ts';
import type { Extension } from '../src/core/extension.ts';

/** A minimal MV3 manifest with a service worker; `extra` keys are merged in. */
export function mv3(extra: Record<string, unknown> = {}): Manifest {
  return { manifest_version: 3, name: 'Test', version: '1.0', background: { service_worker: 'sw.js' }, ...extra } as Manifest;
}

/** Content scripts in every frame of every http(s) page. */
export const CONTENT_SCRIPTS_EVERYWHERE = {
  content_scripts: [{ matches: ['<all_urls>'], js: ['cs.js'], all_frames: true }],
};

export interface Fixture {
  browser: Browser;
  console: { context: ScriptContext; message: ConsoleMessage }[];
}

export function fixture(options: CreateBrowserOptions = {}): Fixture {
  const console: Fixture['console'] = [];
  const browser = createBrowser({ ...options, onConsole: (context, message) => console.push({ context, message }) });
  return { browser, console };
}

export function sw(extension: Extension): ExtensionChrome {
  const worker = extension.serviceWorker;
  if (!worker) throw new Error('no service worker');
  return worker.chrome as ExtensionChrome;
}

export function page(context: ScriptContext): ExtensionChrome {
  return context.chrome as ExtensionChrome;
}

export function cs(frame: Frame, extension: Extension): ContentScriptChrome {
  const world = frame.contentScript(extension);
  if (!world) throw new Error(`no content script of ${extension.id} in frame ${frame.frameId}`);
  return world.chrome as ContentScriptChrome;
}

export function web(frame: Frame): WebPageChrome {
  return frame.document.mainWorld.chrome as WebPageChrome;
}

/** Calls an API with a callback and resolves with the callback's arguments and lastError at call time. */
export function withCallback(
  call: (callback: (...args: unknown[]) => void) => void,
  chrome: { runtime: { lastError?: { message: string } } },
): Promise<{ args: unknown[]; lastError: string | undefined }> {
  return new Promise((resolve) => {
    call((...args) => resolve({ args, lastError: chrome.runtime.lastError?.message }));
  });
}

export async function rejection(promise: Promise<unknown> | undefined): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
