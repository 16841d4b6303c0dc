/**
 * Web sites served from folders: what a page's URL holds, which frames its <iframe src> elements
 * open, and the title Chrome would show. The Switchboard engine serves a scenario's sites with it,
 * and `switchboard run <extension> --site` the sites it is given.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import type { FrameInit } from '../core/frame.ts';
import type { BrowserDom } from './dom.ts';
import { filePathOf, readFileIn } from './folder-files.ts';

/** How deep <iframe src> elements are followed. */
const MAX_FRAME_DEPTH = 8;

/** origin (http://host) → folder; a path ending in "/" serves index.html. */
export class SiteFolders {
  constructor(readonly sites: ReadonlyMap<string, string>) {}

  /**
   * Parses `http://a.test=site` (origin=folder), as the command line gives it. Throws an Error that
   * says what is wrong: no "=", not an http(s) origin, or a folder that does not exist.
   */
  static parse(specs: readonly string[], cwd = process.cwd()): SiteFolders {
    const sites = new Map<string, string>();
    for (const spec of specs) {
      const at = spec.indexOf('=');
      if (at < 0) throw new Error(`--site ${spec}: expected origin=folder, e.g. http://a.test=site`);
      const origin = spec.slice(0, at);
      const folder = resolve(cwd, spec.slice(at + 1));
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        throw new Error(`--site ${spec}: ${origin} is not an origin`);
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
        throw new Error(`--site ${spec}: ${origin} is not an http or https origin (scheme://host[:port], no path)`);
      }
      if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`--site ${spec}: ${folder} is not a folder`);
      sites.set(url.origin, folder);
    }
    return new SiteFolders(sites);
  }

  /** The text of the file `url` names, if it is on one of the sites. */
  page(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    const folder = this.sites.get(parsed.origin);
    if (folder === undefined) return undefined;
    const path = filePathOf(parsed);
    return readFileIn(folder, path.endsWith('/') ? `${path}index.html` : path);
  }
}

/** The page at `url` with the frames its <iframe src> elements open, recursively. */
export function pageFrames(dom: BrowserDom, url: string, depth = 0): FrameInit {
  const html = dom.resolve(url);
  if (html === undefined || depth >= MAX_FRAME_DEPTH) return { url };
  const frames = [...JSDOM.fragment(html).querySelectorAll('iframe[src]')].map((iframe) =>
    pageFrames(dom, new URL(iframe.getAttribute('src')!, url).href, depth + 1),
  );
  return frames.length > 0 ? { url, frames } : { url };
}

/** What Chrome shows as the tab's title: the page's <title>, else its URL without the scheme. */
export function pageTitle(dom: BrowserDom, url: string): string {
  const html = dom.resolve(url);
  const title = html === undefined ? '' : (JSDOM.fragment(html).querySelector('title')?.textContent ?? '').trim();
  return title !== '' ? title : url.replace(/^[a-z-]+:\/\//, '');
}
