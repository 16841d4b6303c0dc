/**
 * Serves a scenario's web sites from one loopback port. Chromium is told to send every site's host
 * to this port (--host-rules), so pages keep the URLs the scenario names (http://a.test/…,
 * https://developer.chrome.com/…), exactly as Switchboard sees them; the Host header says which
 * site's folder answers. The port speaks HTTP and TLS both: a connection that opens with a TLS
 * handshake goes to an HTTPS server whose certificate is made for this run (Chromium is started
 * with --ignore-certificate-errors), any other to the HTTP server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { generate } from 'selfsigned';
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
  const serve = (request: IncomingMessage, response: ServerResponse): void => {
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
  };
  const http: Server = createServer(serve);
  const https = [...sites.keys()].some((origin) => origin.startsWith('https:')) ? await tlsServer(sites, serve) : undefined;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A TLS ClientHello starts with the handshake record type, 0x16.
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (first === null) return socket.destroy();
      socket.unshift(first);
      (first[0] === 0x16 && https ? https : http).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the site server has no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTPS server with a certificate for every https site's host, made for this run. */
async function tlsServer(sites: ReadonlyMap<string, string>, serve: (request: IncomingMessage, response: ServerResponse) => void) {
  const hosts = [...sites.keys()].filter((origin) => origin.startsWith('https:')).map((origin) => new URL(origin).hostname);
  const pems = await generate([{ name: 'commonName', value: hosts[0]! }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hosts.map((value) => ({ type: 2, value })) }],
  });
  return createHttpsServer({ key: pems.private, cert: pems.cert }, serve);
}
