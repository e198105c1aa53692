import { ApiError } from '../store/errors.js';

export const PROBLEM_TYPE = 'application/problem+json';

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const problem = (e: ApiError): Response =>
  new Response(JSON.stringify(e.toProblem()), { status: e.status, headers: { 'Content-Type': PROBLEM_TYPE, ...e.extra.headers } });

/** The answer of an injected failure. */
export function faultResponse(status: number, retryAfter = 1): Response {
  const code = status === 429 ? 'rate_limited' : status === 503 ? 'service_unavailable' : status >= 500 ? 'internal_error' : 'bad_request';
  const headers: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': String(retryAfter) } : {};
  return problem(new ApiError(code, `Injected failure (${status}).`, { headers }, status));
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
