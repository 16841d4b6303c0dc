import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { filePathOf, readFileIn } from './folder-files.ts';

/** An unpacked extension's directory, addressed as Chrome addresses it: chrome-extension://<id>/<path>. */
export class ExtensionFiles {
  constructor(
    /** The directory's absolute path. */
    readonly root: string,
    readonly extensionId: string,
  ) {}

  /** chrome-extension://<id>/ */
  get baseUrl(): string {
    return `chrome-extension://${this.extensionId}/`;
  }

  urlOf(path: string): string {
    return new URL(path.replace(/^\/+/, ''), this.baseUrl).href;
  }

  /** The text of a file by its path in the extension; undefined when there is no such file. */
  readPath(path: string): string | undefined {
    return readFileIn(this.root, path);
  }

  /** The text behind a chrome-extension:// URL of this extension; undefined for anything else. */
  readUrl(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'chrome-extension:' || parsed.host !== this.extensionId) return undefined;
    return this.readPath(filePathOf(parsed));
  }

  /** Every HTML file of the extension, by path ("popup.html", "pages/options.html"). */
  htmlPaths(): string[] {
    const entries = readdirSync(this.root, { recursive: true, encoding: 'utf8' });
    return entries
      .filter((entry) => /\.html?$/i.test(entry) && !entry.split(sep).includes('node_modules'))
      .map((entry) => entry.split(sep).join('/'));
  }
}
