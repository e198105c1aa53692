import { UPLOAD_LIMIT, endpoints, type Endpoint, type EndpointName } from '@docportal/core-sdk/contract';
import * as z from 'zod/mini';
import { concat, piecesStream, streamSource, type BodySource } from '../store/bytes.js';
import { ApiError, invalid } from '../store/errors.js';
import type { MockStore, Principal } from '../store/store.js';
import { Reply, faultResponse, json, problem } from './respond.js';

export interface HandlerOptions {
  /** Path the API is served under. @default '/api/v1' */
  basePath?: string;
  /**
   * Where faults are injected and traffic is counted: `msw` in the handlers (browser worker,
   * Node `setupServer`), `http` by the standalone server, which can also cut connections.
   * @default 'msw'
   */
  transport?: 'msw' | 'http';
}

/**
 * A request as the routes see it, whoever received it: MSW hands over a Fetch `Request`, the
 * standalone server its `node:http` request, each wrapped as this.
 */
export interface RouteRequest {
  readonly url: URL;
  readonly headers: { get(name: string): string | null };
  /**
   * Reads the body, handing each piece to `write` as it arrives; resolves at its end (at once
   * when there is none). When `write` throws, reading stops, the rest is dropped and the promise
   * rejects with that error; a body that breaks off rejects too.
   */
  readonly read: BodySource;
}

/** One endpoint: its method and path (MSW's syntax: `*` any characters, `:name` one segment). */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'ALL';
  path: string;
  handle(request: RouteRequest, params: Record<string, string>): Promise<Reply>;
}

type Output<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
export interface RouteContext<E extends Endpoint> {
  principal: Principal;
  params: Record<string, string>;
  query: E['query'] extends z.ZodMiniType ? z.output<E['query']> : Record<string, never>;
  /** A binary body arrives piece by piece, so that uploads never sit whole in memory twice. */
  body: E['body'] extends 'binary' | 'multipart' ? BodySource : Output<E['body']>;
  request: RouteRequest;
}

/** Turns zod issues into the contract's `errors[]`. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string) =>
  error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((x) => x !== undefined && x !== '').join('.') || '(body)',
    message: i.message,
  }));

export const validationError = (error: z.core.$ZodError, prefix?: string) => {
  const errors = fieldErrors(error, prefix);
  return new ApiError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
};

/** The whole body as one piece. */
export async function readAll(read: BodySource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await read((p) => void parts.push(p));
  return concat(parts);
}

const isJson = (contentType: string | null) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
const notJson = () =>
  new ApiError('bad_request', 'The body must be JSON, sent as Content-Type: application/json.');

/** Parses a JSON body: 400 for a wrong content type or malformed JSON. */
export function parseJson(contentType: string | null, bytes: Uint8Array): unknown {
  if (!isJson(contentType)) throw notJson();
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiError('bad_request', 'The body is not well-formed JSON.');
  }
}

/** The largest JSON body accepted: 1 MiB. */
export const MAX_JSON_BODY = 1_048_576;
const tooLarge = () =>
  new ApiError('body_too_large', `A JSON body may hold at most ${MAX_JSON_BODY} bytes (1 MiB).`);

/**
 * Reads a JSON body: 400 for a wrong content type (before reading) or malformed JSON; 413 for
 * one over 1 MiB, by its Content-Length before reading, else as soon as it runs past (the rest
 * is not kept).
 */
export async function readJson(headers: RouteRequest['headers'], read: BodySource): Promise<unknown> {
  const type = headers.get('content-type');
  if (!isJson(type)) throw notJson();
  if (Number(headers.get('content-length')) > MAX_JSON_BODY) throw tooLarge();
  const parts: Uint8Array[] = [];
  let n = 0;
  await read((p) => {
    if ((n += p.byteLength) > MAX_JSON_BODY) throw tooLarge();
    parts.push(p);
  });
  return parseJson(type, concat(parts));
}

function bearer(request: RouteRequest): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1]?.trim();
}

/** The `Idempotency-Key` header, if any: 1–255 characters. */
export function idempotencyKey(request: RouteRequest): string | undefined {
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > 255))
    throw invalid('Idempotency-Key', 'must be 1–255 characters');
  return key;
}

export type Resolver<E extends Endpoint> = (ctx: RouteContext<E>) => unknown | Promise<unknown>;

/** The request's body (parsed by the endpoint's schema, or left to read when binary) and query; 422 when they do not fit. */
async function parseRequest(
  ep: Endpoint,
  request: RouteRequest,
  read: BodySource,
): Promise<{ body: unknown; query: unknown }> {
  let body: unknown;
  if (ep.body === 'binary' || ep.body === 'multipart') {
    body = read;
  } else if (ep.body) {
    const parsed = z.safeParse(ep.body, await readJson(request.headers, read));
    if (!parsed.success) throw validationError(parsed.error);
    body = parsed.data;
  }
  let query: unknown = {};
  if (ep.query) {
    const parsed = z.safeParse(ep.query, Object.fromEntries(request.url.searchParams));
    if (!parsed.success) throw validationError(parsed.error);
    query = parsed.data;
  }
  return { body, query };
}

/**
 * One endpoint of the contract, running the checks in the contract's order: 429 (faults), 401,
 * 403, 400, then the schemas (422); the store does the rest.
 */
export function route<N extends EndpointName>(
  store: MockStore,
  options: HandlerOptions,
  name: N,
  resolve: Resolver<(typeof endpoints)[N]>,
): Route {
  const ep: Endpoint = endpoints[name];
  const msw = options.transport !== 'http';
  return {
    method: ep.method,
    // Any origin, but the base path right after it: `/x/api/v1/me` and `/api/v1/api/v1/me` are
    // no endpoints (the catch-all answers them 404), so a wrong base URL shows at once.
    path: `*://:origin${options.basePath ?? '/api/v1'}${ep.path.replace(/\{(\w+)\}/g, ':$1')}`,
    async handle(request, params) {
      try {
        if (msw) {
          const { fail, faults } = await store.controls.admit();
          if (fail) return faultResponse(faults?.failStatus ?? 503, faults?.retryAfter);
        }
        const principal = store.authenticate(bearer(request));
        if (!principal) throw new ApiError('unauthorized', 'A valid bearer token is required.');
        if (ep.access === 'manager' && principal.kind !== 'manager')
          throw new ApiError('forbidden', 'Only the property manager may do this.');
        // Through MSW the route counts the bytes it reads; the standalone server counts its own.
        const read: BodySource = msw
          ? (write) =>
              request.read((piece) => {
                store.countBytes(piece.byteLength);
                write(piece);
              })
          : request.read;
        const { body, query } = await parseRequest(ep, request, read);
        const run = async (): Promise<Reply> => {
          try {
            const result = await resolve({ principal, params, query, body, request } as never);
            if (result instanceof Reply) return result;
            return ep.status === 204 ? new Reply(204) : json(result, ep.status);
          } catch (e) {
            if (e instanceof ApiError) return problem(e);
            throw e;
          }
        };
        const key = ep.method === 'GET' ? undefined : idempotencyKey(request);
        // A multipart upload is read inside its handler, which keys it by its metadata and bytes.
        if (key === undefined || ep.body === 'multipart') return await run();
        // What makes two requests the same: the target, the body and the headers that change the effect.
        const h = (n: string) => request.headers.get(n) ?? undefined;
        const same =
          ep.body === 'binary'
            ? { params, offset: h('upload-offset'), length: h('content-length') }
            : { params, body, ifMatch: h('if-match') };
        return await store.once(principal, name, key, same, run);
      } catch (e) {
        if (e instanceof ApiError) return problem(e);
        console.error(e);
        return problem(new ApiError('internal_error', 'The mock server failed; see its log.'));
      }
    },
  };
}

/** Every answer announces the largest file `POST /documents/upload` takes. */
export const LIMIT_HEADER = { 'Upload-Limit': String(UPLOAD_LIMIT) };

/** A Fetch Request as a RouteRequest (MSW). */
/**
 * A Fetch Request as a RouteRequest. Firefox has no `Request.body` (the property is missing, not
 * null), so there the body is read whole with `arrayBuffer()` and handed over as one piece.
 */
export const fromFetch = (request: Request): RouteRequest => ({
  url: new URL(request.url),
  headers: request.headers,
  read:
    'body' in request
      ? streamSource(request.body)
      : async (write) => {
          const bytes = new Uint8Array(await (request as Request).arrayBuffer());
          if (bytes.length) write(bytes);
        },
});

/** A Reply as a Fetch Response (MSW). */
export function toResponse(r: Reply): Response {
  let body: BodyInit | null = null;
  if (typeof r.body === 'string') body = r.body;
  else if (r.body !== undefined) body = piecesStream(r.body, r.sent);
  return new Response(body, { status: r.status, headers: { ...LIMIT_HEADER, ...r.headers } });
}

/**
 * Finds the route of a request URL (origin and path; the query does not count), with MSW's
 * matching rules (so that both transports answer the same URLs alike): `*` any characters,
 * `:name` one non-empty segment (decoded), an optional trailing slash; the first route that
 * matches wins.
 */
export function router(
  routes: readonly Route[],
): (method: string, url: URL) => { route: Route; params: Record<string, string> } | undefined {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*+/g, '.*')
      .replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/#?]+?)'));
    return { route, names, re: new RegExp(`^${source}[/#?]?$`, 'i') };
  });
  return (method, url) => {
    const pathname = `${url.protocol}//${url.host}${url.pathname}`;
    for (const c of compiled) {
      if (c.route.method !== 'ALL' && c.route.method !== method) continue;
      const m = c.re.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      } catch {
        continue;
      }
      return { route: c.route, params };
    }
    return undefined;
  };
}
