/**
 * Switchboard set up as users' tests set it up: createBrowser, installExtension with in-code
 * scripts, tabs opened on a site the content script matches. The fixture hands back each
 * context's own `chrome`, so a workload drives the API exactly as extension code does.
 */
import { createBrowser, type Browser, type ContentScriptChrome, type CreateBrowserOptions, type Extension, type ExtensionChrome, type Tab } from '../../src/index.ts';

export const SITE = 'https://a.test/';

export interface ExtensionFixture {
  readonly browser: Browser;
  readonly extension: Extension;
  /** The service worker's chrome. */
  readonly worker: ExtensionChrome;
}

export interface TabFixture extends ExtensionFixture {
  readonly tab: Tab;
  /** The content script's chrome in the tab's main frame. */
  readonly content: ContentScriptChrome;
}

export interface ExtensionInit {
  /** The service worker's code, run once at install. */
  readonly serviceWorker: (chrome: ExtensionChrome) => void;
  /** Each content script's code, run in every frame it is injected into. */
  readonly contentScript?: (chrome: ContentScriptChrome) => void;
  readonly allFrames?: boolean;
  readonly permissions?: readonly string[];
  readonly browserOptions?: CreateBrowserOptions;
}

/** A browser with one extension: a service worker and a content script for SITE. */
export function createExtension(init: ExtensionInit): ExtensionFixture & { readonly contents: ContentScriptChrome[] } {
  const browser = createBrowser(init.browserOptions);
  const contents: ContentScriptChrome[] = [];
  let worker: ExtensionChrome | undefined;
  const extension = browser.installExtension({
    manifest: {
      manifest_version: 3,
      name: 'Bench',
      version: '1.0',
      ...(init.permissions ? { permissions: [...init.permissions] } : {}),
      background: { service_worker: 'sw.js' },
      content_scripts: [{ matches: [`${SITE}*`], js: ['content.js'], all_frames: init.allFrames ?? false }],
    },
    scripts: {
      'sw.js': ({ chrome }) => {
        worker = chrome as ExtensionChrome;
        init.serviceWorker(worker);
      },
      'content.js': ({ chrome }) => {
        const content = chrome as ContentScriptChrome;
        contents.push(content);
        init.contentScript?.(content);
      },
    },
  });
  if (!worker) throw new Error('the service worker did not start');
  return { browser, extension, worker, contents };
}

/** createExtension, plus one tab on SITE whose main frame runs the content script. */
export function createTabFixture(init: ExtensionInit): TabFixture {
  const fixture = createExtension(init);
  const tab = fixture.browser.openTab(SITE);
  const content = fixture.contents[0];
  if (!content) throw new Error('the content script did not run');
  return { ...fixture, tab, content };
}
