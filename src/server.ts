// The only file that listens: GraphQL at /graphql, the viewer at / and /embed, /healthz.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createApi } from './api/create-api.js';
import { packagePath } from './model/paths.js';
import type { GraphStore } from './store/graph-store.js';

export interface ServerOptions {
  store: GraphStore;
  port: number;
  host?: string;
  apiToken: string | null;
  log?: (line: string) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Everything the viewer loads comes from this server; styles allow inline style attributes
// (badges, Cytoscape's container). The explorer may only be framed by itself; the embed (and
// the <kg-graph> script) are made to be used from any site.
const BASE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

function pageHeaders(pathname: string, ext: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[ext]!,
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  if (ext === '.html') {
    if (pathname === '/embed' || pathname === '/embed.html') {
      headers['content-security-policy'] = `${BASE_CSP}; frame-ancestors *`;
    } else {
      headers['content-security-policy'] = `${BASE_CSP}; frame-ancestors 'self'`;
      headers['x-frame-options'] = 'SAMEORIGIN';
    }
  } else {
    // Scripts, styles and the worker may be loaded by pages on other origins (the web component).
    headers['cross-origin-resource-policy'] = 'cross-origin';
    headers['access-control-allow-origin'] = '*';
  }
  return headers;
}

/** Pages of the built viewer (dist/viz); only files inside that folder are served. */
function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  const root = packagePath('dist', 'viz');
  const page = pathname === '/' ? '/index.html' : pathname === '/embed' ? '/embed.html' : pathname;
  const file = normalize(join(root, page));
  const ext = extname(file);
  if (!file.startsWith(root + '/') || !CONTENT_TYPES[ext] || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, pageHeaders(pathname, ext));
  res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  return true;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const api = createApi(options.store, { apiToken: options.apiToken });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, backend: options.store.backend }));
      return;
    }
    if (pathname.startsWith('/graphql')) {
      void api.handle(req, res);
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(req, res, pathname)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://localhost:${port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
