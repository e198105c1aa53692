import { readFile, stat } from 'node:fs/promises';
import { createHash, type Hash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { handlers as makeHandlers } from './handlers/index.js';
import { faultResponse, problem } from './handlers/respond.js';
import { ApiError } from './store/errors.js';
import type { Sha256 } from './store/bytes.js';
import { createStore, type MockStore } from './store/store.js';

export interface HttpServerOptions {
  /** Port to listen on; 0 picks a free one. @default 4010 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  store?: MockStore;
  /** Path the API is served under. @default '/api/v1' */
  basePath?: string;
  /** One line per request: `true` to stdout, a function to take the lines, `false` for none. @default false */
  log?: boolean | ((line: string) => void);
  /** Also serve the files of this folder (GET, same origin as the API): a demo page, a built Storybook. */
  staticDir?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface RunningServer {
  /** Origin of the server, e.g. `http://127.0.0.1:4010`; the API is at `${url}/api/v1`. */
  url: string;
  store: MockStore;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Upload-Offset, ETag, Content-Disposition, Retry-After, Location',
};
const PREFLIGHT = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type, upload-offset, idempotency-key, if-match',
  'Access-Control-Max-Age': '600',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The standalone mock backend: a `node:http` server answering through the same MSW handlers,
 * with CORS for any origin, streamed file bytes, and faults that cut real connections.
 */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningServer> {
  const store = options.store ?? createStore({ sha256: nodeSha256 });
  const basePath = options.basePath ?? '/api/v1';
  const handlers = makeHandlers(store, { basePath, transport: 'http' });
  const log = options.log === true ? (l: string) => console.log(l) : options.log || undefined;

  const server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => log?.(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) void send(res, problem(new ApiError('internal_error', 'The mock server failed; see its log.')));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, PREFLIGHT).end();
      return;
    }
    const isApi = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let lose = false;
    if (isApi) {
      store.countRequest();
      const f = store.faults;
      if (f?.latencyMs) await sleep(f.latencyMs);
      const fate = store.drawFault();
      lose = fate.lose;
      if (fate.fail) {
        const length = Number(req.headers['content-length'] ?? (req.headers['transfer-encoding'] ? Infinity : 0));
        if (f?.dropAfterBytes !== undefined && hasBody && length > f.dropAfterBytes) {
          cutAfter(req, f.dropAfterBytes);
          return;
        }
        await drain(req);
        await send(res, faultResponse(f?.failStatus ?? 503, f?.retryAfter));
        return;
      }
    }
    const request = new Request(url, {
      method: req.method,
      headers: toHeaders(req),
      ...(hasBody ? { body: bodyStream(req, isApi ? store : undefined), duplex: 'half' } : {}),
    } as RequestInit);
    const response = (await getResponse(handlers, request)) ?? (await serveStatic(url.pathname, req.method)) ?? problem(new ApiError('not_found', 'No such endpoint.'));
    if (lose) {
      // The request took effect; now the answer is lost with the connection.
      await response.arrayBuffer();
      req.socket.destroy();
      return;
    }
    await send(res, response);
  }

  /** A file of `staticDir` (index.html for a folder), never outside it. */
  async function serveStatic(pathname: string, method: string | undefined): Promise<Response | undefined> {
    if (!options.staticDir || (method !== 'GET' && method !== 'HEAD')) return undefined;
    const base = resolve(options.staticDir);
    let file = resolve(join(base, decodeURIComponent(pathname)));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const found = info?.isDirectory() ? await stat(file).catch(() => undefined) : info;
    if (!found?.isFile()) return undefined;
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': String(found.size) } });
  }

  /** Reads the body up to `limit` bytes, then destroys the connection; nothing reaches the store. */
  function cutAfter(req: IncomingMessage, limit: number): void {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, limit - seen);
      seen += take;
      store.countBytes(take);
      if (seen >= limit) req.socket.destroy();
    });
    if (limit === 0) req.socket.destroy();
  }

  async function drain(req: IncomingMessage): Promise<void> {
    for await (const chunk of req) store.countBytes((chunk as Buffer).length);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Incremental SHA-256 by node:crypto: uploads are hashed while their chunks arrive. */
export function nodeSha256(hash: Hash = createHash('sha256')): Sha256 {
  return {
    update: (b) => void hash.update(b),
    copy: () => nodeSha256(hash.copy()),
    digest: async () => hash.digest('hex'),
  };
}

function toHeaders(req: IncomingMessage): Headers {
  const h = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) h.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  return h;
}

/** The Node request body as a Web stream with backpressure, counting bytes. */
function bodyStream(req: IncomingMessage, counter: MockStore | undefined): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        counter?.countBytes(chunk.length);
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on('end', () => controller.close());
      req.on('close', () => {
        if (!req.complete) controller.error(new Error('The client closed the connection mid-body.'));
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.destroy();
    },
  });
}

/** Writes a Fetch Response to a Node response, streaming the body with backpressure. */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = { ...CORS };
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (!res.write(r.value)) await new Promise<void>((resolve) => res.once('drain', resolve));
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
  }
  res.end();
}
