import { endpoints, type Endpoint, type EndpointName } from '@docportal/core-sdk/contract';
import { http, delay, type HttpHandler } from 'msw';
import * as z from 'zod/mini';
import { ApiError } from '../store/errors.js';
import type { MockStore, Principal } from '../store/store.js';
import { faultResponse, json, problem } from './respond.js';

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

type Output<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
export interface RouteContext<E extends Endpoint> {
  principal: Principal;
  params: Record<string, string>;
  query: E['query'] extends z.ZodMiniType ? z.output<E['query']> : Record<string, never>;
  /** A binary body arrives as a stream, so that uploads never sit whole in memory twice. */
  body: E['body'] extends 'binary' ? ReadableStream<Uint8Array> | null : Output<E['body']>;
  request: Request;
}

/** Turns zod issues into the contract's `errors[]`. */
export const fieldErrors = (error: z.core.$ZodError, prefix?: string) =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter((x) => x !== undefined && x !== '').join('.') || '(body)', message: i.message }));

export const validationError = (error: z.core.$ZodError, prefix?: string) => {
  const errors = fieldErrors(error, prefix);
  return new ApiError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
};

/** Reads a JSON body: 400 for a wrong content type or malformed JSON. */
export async function readJson(request: Request): Promise<{ value: unknown; bytes: number }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new ApiError('bad_request', 'The body must be JSON, sent as Content-Type: application/json.');
  const buffer = new Uint8Array(await request.arrayBuffer());
  try {
    return { value: JSON.parse(new TextDecoder().decode(buffer)), bytes: buffer.byteLength };
  } catch {
    throw new ApiError('bad_request', 'The body is not well-formed JSON.');
  }
}

/** Passes bytes through, counting them as received. */
const counter = (store: MockStore) =>
  new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      store.countBytes(chunk.byteLength);
      c.enqueue(chunk);
    },
  });

function bearer(request: Request): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1]?.trim();
}

export type Resolver<E extends Endpoint> = (ctx: RouteContext<E>) => unknown | Promise<unknown>;

/**
 * One MSW handler for one endpoint of the contract, running the checks in the contract's order:
 * 429 (faults), 401, 403, 400, then the schemas (422); the store does the rest.
 */
export function route<N extends EndpointName>(store: MockStore, options: HandlerOptions, name: N, resolve: Resolver<(typeof endpoints)[N]>): HttpHandler {
  const ep: Endpoint = endpoints[name];
  const path = `*${options.basePath ?? '/api/v1'}${ep.path.replace(/\{(\w+)\}/g, ':$1')}`;
  const method = ep.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  return http[method](path, async ({ request, params }) => {
    try {
      if (options.transport !== 'http') {
        const f = store.faults;
        if (f?.latencyMs) await delay(f.latencyMs);
        const fate = store.drawFault();
        store.countRequest();
        if (fate.fail) return faultResponse(f?.failStatus ?? 503, f?.retryAfter);
      }
      const principal = store.authenticate(bearer(request));
      if (!principal) throw new ApiError('unauthorized', 'A valid bearer token is required.');
      if (ep.access === 'manager' && principal.kind !== 'manager') throw new ApiError('forbidden', 'Only the property manager may do this.');
      let body: unknown;
      if (ep.body === 'binary') {
        body = options.transport === 'http' || !request.body ? request.body : request.body.pipeThrough(counter(store));
      } else if (ep.body) {
        const raw = await readJson(request);
        if (options.transport !== 'http') store.countBytes(raw.bytes);
        const parsed = z.safeParse(ep.body, raw.value);
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      }
      let query: unknown = {};
      if (ep.query) {
        const parsed = z.safeParse(ep.query, Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) throw validationError(parsed.error);
        query = parsed.data;
      }
      const result = await resolve({ principal, params: params as Record<string, string>, query, body, request } as never);
      if (result instanceof Response) return result;
      return ep.status === 204 ? new Response(null, { status: 204 }) : json(result, ep.status);
    } catch (e) {
      if (e instanceof ApiError) return problem(e);
      console.error(e);
      return problem(new ApiError('internal_error', 'The mock server failed; see its log.'));
    }
  });
}
