import { fileURLToPath } from 'node:url';
import type { ScriptContext } from '../../src/index.ts';
import { createBrowser, type Browser } from '../../src/index.ts';
import { attachDom, type BrowserDom } from '../../src/loader/index.ts';

/** The absolute path of a fixture extension under test/fixtures/extensions. */
export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`../fixtures/extensions/${name}`, import.meta.url));
}

export interface LoaderFixture {
  browser: Browser;
  dom: BrowserDom;
  /** Every console line, as "<context type> <level>: <text>". */
  console: string[];
  /** The console lines of one context. */
  consoleOf(context: ScriptContext | undefined): string[];
}

/** A browser with DOM support serving `pages` (URL → HTML), its console captured. */
export function loaderFixture(pages: Record<string, string | (() => string)> = {}): LoaderFixture {
  const console: string[] = [];
  const browser = createBrowser({ onConsole: (context, message) => console.push(`${context.type} ${message.level}: ${message.text}`) });
  const page = (url: string) => {
    const entry = pages[url];
    return typeof entry === 'function' ? entry() : entry;
  };
  const dom = attachDom(browser, { pages: page });
  return {
    browser,
    dom,
    console,
    consoleOf: (context) => (context ? context.console.map((message) => `${message.level}: ${message.text}`) : []),
  };
}

/** Waits until messages, DOM events (DOMContentLoaded, load) and timers of 0 ms have all run. */
export async function settle(browser: Browser): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await browser.idle();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
