/**
 * Serves a scenario's web sites from one loopback port. Chromium is told to send every site's host
 * to this port (--host-rules), so pages keep the URLs the scenario names (http://a.test/…), exactly
 * as Switchboard sees them; the Host header says which site's folder answers.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileIn } from '../loader/folder-files.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SiteServer {
  readonly port: number;
  close(): Promise<void>;
}

/** `sites`: origin (http://host) → folder. A path ending in "/" serves index.html. */
export async function startSiteServer(sites: ReadonlyMap<string, string>): Promise<SiteServer> {
  const folders = new Map<string, string>();
  for (const [origin, folder] of sites) folders.set(new URL(origin).hostname, folder);
  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const folder = folders.get(host);
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = folder === undefined ? undefined : fileIn(folder, path.endsWith('/') ? `${path}index.html` : path);
    if (file === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => {
        // No caching, so that a reload fetches again; nothing that would keep a page out of the back/forward cache.
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the site server has no port');
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
