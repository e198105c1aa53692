import { readFile, stat } from 'node:fs/promises';
import { createHash, type Hash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { routes } from './handlers/index.js';
import { Reply, faultResponse, problem } from './handlers/respond.js';
import { LIMIT_HEADER, router, type RouteRequest } from './handlers/route.js';
import { ApiError } from './store/errors.js';
import type { Sha256 } from './store/bytes.js';
import type { FaultConfig } from './store/controls.js';
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
  /**
   * Origins besides the server's own and `localhost`/`127.0.0.1` (any port) whose pages may call
   * `/__mock/*`, e.g. `https://portal.test:8443`.
   */
  trustOrigins?: string[];
  /** A PATCH whose body stops arriving for this long is aborted (its bytes so far count). @default 30000 */
  uploadIdleMs?: number;
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
  'Access-Control-Expose-Headers':
    'Upload-Offset, Upload-Limit, ETag, Content-Disposition, Retry-After, Location',
  ...LIMIT_HEADER,
};
const PREFLIGHT = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type, upload-offset, idempotency-key, if-match',
  'Access-Control-Max-Age': '600',
};

/**
 * The standalone mock backend: a `node:http` server answering through the same routes as the MSW
 * handlers (straight from the node request, no Fetch objects in between), with CORS for any
 * origin, streamed file bytes, and faults that cut real connections.
 */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningServer> {
  const mock = new NodeMockServer(options);
  const { store } = mock;
  const server = createServer((req, res) => mock.serve(req, res));
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

/** Answers node requests through the routes of one store: CORS, the control plane's origins, faults, static files. */
class NodeMockServer {
  readonly store: MockStore;
  private readonly basePath: string;
  private readonly match: ReturnType<typeof router>;
  private readonly log?: (line: string) => void;
  private readonly idleMs: number;
  private readonly trusted: Set<string>;

  constructor(private readonly options: HttpServerOptions) {
    this.store = options.store ?? createStore({ sha256: nodeSha256 });
    this.basePath = options.basePath ?? '/api/v1';
    this.match = router(routes(this.store, { basePath: this.basePath, transport: 'http' }));
    this.log = options.log === true ? (l: string) => console.log(l) : options.log || undefined;
    this.idleMs = options.uploadIdleMs ?? 30_000;
    this.trusted = new Set(options.trustOrigins ?? []);
  }

  /** Whether a page of `origin` may call `/__mock/*`: the server's own, localhost, or a trusted one. */
  private trust(origin: string | undefined, host: string | undefined): boolean {
    if (!origin) return true;
    if (this.trusted.has(origin) || origin === `http://${host}`) return true;
    try {
      return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(origin).hostname);
    } catch {
      return false;
    }
  }

  serve(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    res.on('finish', () =>
      this.log?.(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
    );
    // A client that goes away is no server error: one quiet line, no stack.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    this.handle(req, res).catch((e) => {
      if (req.destroyed || res.destroyed) {
        this.log?.(`${req.method} ${req.url} client went away`);
        return;
      }
      console.error(e);
      if (!res.headersSent)
        void send(res, problem(new ApiError('internal_error', 'The mock server failed; see its log.')));
      else res.destroy();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    } catch {
      // A Host header (or target) that is no URL: a bad request, not a server failure.
      drainRest(req, undefined);
      await send(
        res,
        problem(new ApiError('bad_request', 'The Host header or the request target cannot be parsed.')),
      );
      return;
    }
    const control = url.pathname.startsWith('/__mock/');
    const origin = req.headers.origin;
    if (control && !this.trust(origin, req.headers.host)) {
      // No CORS headers: the browser keeps the page from calling or reading the control plane.
      drainRest(req, undefined);
      await send(
        res,
        problem(
          new ApiError(
            'forbidden',
            `The origin ${origin} may not call /__mock; start the server with --trust-origin ${origin}.`,
          ),
        ),
        {},
      );
      return;
    }
    const cors = control
      ? {
          'Access-Control-Allow-Origin': origin ?? '*',
          'Access-Control-Expose-Headers': CORS['Access-Control-Expose-Headers'],
          Vary: 'Origin',
        }
      : CORS;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...PREFLIGHT, ...cors }).end();
      return;
    }
    const isApi = url.pathname === this.basePath || url.pathname.startsWith(`${this.basePath}/`);
    let lose = false;
    if (isApi) {
      const fate = await this.store.controls.admit();
      lose = fate.lose;
      if (fate.fail) return this.fail(req, res, fate.faults);
    }
    const found = this.match(req.method ?? 'GET', url);
    const counter = isApi ? this.store : undefined;
    const reply = found
      ? await found.route.handle(nodeRequest(req, url, counter, this.idleMs), found.params)
      : ((await this.serveStatic(url.pathname, req.method)) ??
        problem(new ApiError('not_found', 'No such endpoint.')));
    // What the route left unread is read (and counted) all the same, as a socket must be.
    if (!req.readableEnded && !req.destroyed) drainRest(req, counter);
    if (lose) {
      // The request took effect; now the answer is lost with the connection.
      req.socket.destroy();
      return;
    }
    await send(res, reply, cors);
  }

  /** An injected failure: the connection cut after some bytes of the body, or an error answer. */
  private async fail(req: IncomingMessage, res: ServerResponse, f: FaultConfig | null): Promise<void> {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const length = Number(req.headers['content-length'] ?? (req.headers['transfer-encoding'] ? Infinity : 0));
    if (f?.dropAfterBytes !== undefined && hasBody && length > f.dropAfterBytes) {
      this.cutAfter(req, f.dropAfterBytes);
      return;
    }
    await this.drain(req);
    await send(res, faultResponse(f?.failStatus ?? 503, f?.retryAfter));
  }

  /** A file of `staticDir` (index.html for a folder), never outside it. */
  private async serveStatic(pathname: string, method: string | undefined): Promise<Reply | undefined> {
    if (!this.options.staticDir || (method !== 'GET' && method !== 'HEAD')) return undefined;
    const base = resolve(this.options.staticDir);
    let file = resolve(join(base, decodeURIComponent(pathname)));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const found = info?.isDirectory() ? await stat(file).catch(() => undefined) : info;
    if (!found?.isFile()) return undefined;
    const body = method === 'HEAD' ? undefined : [new Uint8Array(await readFile(file))];
    return new Reply(
      200,
      {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(found.size),
      },
      body,
    );
  }

  /** Reads the body up to `limit` bytes, then destroys the connection; nothing reaches the store. */
  private cutAfter(req: IncomingMessage, limit: number): void {
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, limit - seen);
      seen += take;
      this.store.countBytes(take);
      if (seen >= limit) req.socket.destroy();
    });
    if (limit === 0) req.socket.destroy();
  }

  private async drain(req: IncomingMessage): Promise<void> {
    for await (const chunk of req) this.store.countBytes((chunk as Buffer).length);
  }
}

/** Incremental SHA-256 by node:crypto: uploads are hashed while their chunks arrive. */
export function nodeSha256(hash: Hash = createHash('sha256')): Sha256 {
  return {
    update: (b) => void hash.update(b),
    copy: () => nodeSha256(hash.copy()),
    digest: async () => hash.digest('hex'),
  };
}

/** Header values as Fetch's `Headers.get` gives them. */
function nodeHeaders(req: IncomingMessage): RouteRequest['headers'] {
  return {
    get(name) {
      const v = req.headers[name.toLowerCase()];
      if (Array.isArray(v)) return v.join(', ');
      return v ?? null;
    },
  };
}

/**
 * The node request as the routes see it: its body's chunks go straight to `write`, counted. A
 * body that stops arriving for `idleMs` is cut (the error says `stalled`).
 */
function nodeRequest(
  req: IncomingMessage,
  url: URL,
  counter: MockStore | undefined,
  idleMs: number,
): RouteRequest {
  return {
    url,
    headers: nodeHeaders(req),
    read: (write) =>
      new Promise<void>((resolve, reject) => {
        if (req.readableEnded) return resolve();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            done();
            req.destroy();
            reject(Object.assign(new Error('The body stopped arriving.'), { stalled: true }));
          }, idleMs);
        };
        const done = () => {
          clearTimeout(timer);
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('close', onClose);
        };
        const onData = (chunk: Buffer) => {
          counter?.countBytes(chunk.length);
          arm();
          try {
            write(chunk);
          } catch (e) {
            // The rest is not wanted: read and dropped, so that the answer can still be sent.
            done();
            drainRest(req, counter);
            reject(e);
          }
        };
        const onEnd = () => {
          done();
          resolve();
        };
        // Before the end: the client went away mid-body.
        const onClose = () => {
          done();
          reject(new Error('The client closed the connection mid-body.'));
        };
        arm();
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('close', onClose);
      }),
  };
}

/** Reads what is left of a body, counting it, so that the connection can carry the next request. */
const draining = new WeakSet<IncomingMessage>();
function drainRest(req: IncomingMessage, counter: MockStore | undefined): void {
  if (draining.has(req)) return;
  draining.add(req);
  req.on('data', (chunk: Buffer) => counter?.countBytes(chunk.length));
  req.resume();
}

/** Writes a Reply to a Node response; file pieces with backpressure. */
async function send(res: ServerResponse, reply: Reply, cors: Record<string, string> = CORS): Promise<void> {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...cors, ...reply.headers };
  const body = reply.body;
  if (typeof body === 'string') {
    const bytes = Buffer.from(body);
    headers['Content-Length'] = String(bytes.length);
    res.writeHead(reply.status, headers).end(bytes);
    return;
  }
  res.writeHead(reply.status, headers);
  // Until the socket takes more, or is gone.
  const writable = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        res.off('drain', go).off('close', go);
        resolve();
      };
      res.on('drain', go).on('close', go);
    });
  for (const piece of body ?? []) {
    if (res.destroyed) return;
    if (!res.write(piece)) await writable();
  }
  // Only when every byte went out (a download counts only then).
  if (reply.sent) res.once('finish', reply.sent);
  res.end();
}
