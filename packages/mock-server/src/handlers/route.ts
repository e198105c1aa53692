import { endpoints, type Endpoint, type EndpointName } from '@docportal/core-sdk/contract';
import * as z from 'zod/mini';
import { concat, piecesStream, streamSource, type BodySource } from '../store/bytes.js';
import { ApiError } from '../store/errors.js';
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
  body: E['body'] extends 'binary' ? BodySource : Output<E['body']>;
  request: RouteRequest;
}

/** Turns zod issues into the contract's `errors[]`. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string) =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter((x) => x !== undefined && x !== '').join('.') || '(body)', message: i.message }));

export const validationError = (error: z.core.$ZodError, prefix?: string) => {
  const errors = fieldErrors(error, prefix);
  return new ApiError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
};

/** The whole body as one piece. */
export async function readAll(read: BodySource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await read((p) => void parts.push(p));
  return concat(parts);
}

const isJson = (contentType: string | null) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
const notJson = () => new ApiError('bad_request', 'The body must be JSON, sent as Content-Type: application/json.');

/** Parses a JSON body: 400 for a wrong content type or malformed JSON. */
export function parseJson(contentType: string | null, bytes: Uint8Array): unknown {
  if (!isJson(contentType)) throw notJson();
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiError('bad_request', 'The body is not well-formed JSON.');
  }
}

/** Reads a JSON body: 400 for a wrong content type (before reading) or malformed JSON. */
export async function readJson(headers: RouteRequest['headers'], read: BodySource): Promise<unknown> {
  const type = headers.get('content-type');
  if (!isJson(type)) throw notJson();
  return parseJson(type, await readAll(read));
}

function bearer(request: RouteRequest): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1]?.trim();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Resolver<E extends Endpoint> = (ctx: RouteContext<E>) => unknown | Promise<unknown>;

/**
 * One endpoint of the contract, running the checks in the contract's order: 429 (faults), 401,
 * 403, 400, then the schemas (422); the store does the rest.
 */
export function route<N extends EndpointName>(store: MockStore, options: HandlerOptions, name: N, resolve: Resolver<(typeof endpoints)[N]>): Route {
  const ep: Endpoint = endpoints[name];
  const msw = options.transport !== 'http';
  return {
    method: ep.method,
    path: `*${options.basePath ?? '/api/v1'}${ep.path.replace(/\{(\w+)\}/g, ':$1')}`,
    async handle(request, params) {
      try {
        if (msw) {
          const f = store.faults;
          if (f?.latencyMs) await sleep(f.latencyMs);
          const fate = store.drawFault();
          store.countRequest();
          if (fate.fail) return faultResponse(f?.failStatus ?? 503, f?.retryAfter);
        }
        const principal = store.authenticate(bearer(request));
        if (!principal) throw new ApiError('unauthorized', 'A valid bearer token is required.');
        if (ep.access === 'manager' && principal.kind !== 'manager') throw new ApiError('forbidden', 'Only the property manager may do this.');
        // Through MSW the route counts the bytes it reads; the standalone server counts its own.
        const read: BodySource = msw
          ? (write) =>
              request.read((piece) => {
                store.countBytes(piece.byteLength);
                write(piece);
              })
          : request.read;
        let body: unknown;
        if (ep.body === 'binary') {
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
        const result = await resolve({ principal, params, query, body, request } as never);
        if (result instanceof Reply) return result;
        return ep.status === 204 ? new Reply(204) : json(result, ep.status);
      } catch (e) {
        if (e instanceof ApiError) return problem(e);
        console.error(e);
        return problem(new ApiError('internal_error', 'The mock server failed; see its log.'));
      }
    },
  };
}

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
  const body = r.body === undefined ? null : typeof r.body === 'string' ? r.body : piecesStream(r.body);
  return new Response(body, { status: r.status, headers: r.headers });
}

/**
 * Finds the route of a request, with MSW's matching rules (so that both transports answer the
 * same URLs alike): `*` any characters, `:name` one non-empty segment (decoded), an optional
 * trailing slash; the first route that matches wins.
 */
export function router(routes: readonly Route[]): (method: string, pathname: string) => { route: Route; params: Record<string, string> } | undefined {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*').replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/#?]+?)'));
    return { route, names, re: new RegExp(`^${source}[/#?]?$`, 'i') };
  });
  return (method, pathname) => {
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
