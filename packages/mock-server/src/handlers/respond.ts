import { ApiError } from '../store/errors.js';

export const PROBLEM_TYPE = 'application/problem+json';

/**
 * An answer of the mock backend. MSW turns it into a Fetch `Response`; the standalone server
 * writes it to the socket as it is.
 */
export class Reply {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string> = {},
    /** Text (JSON, problem+json), or bytes as a list of pieces (file content). */
    readonly body?: string | readonly Uint8Array[],
    /** Called once every byte of the body went out (a download counts only then). */
    readonly sent?: () => void,
  ) {}
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply =>
  new Reply(status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(body));

export const problem = (e: ApiError): Reply =>
  new Reply(e.status, { 'Content-Type': PROBLEM_TYPE, ...e.extra.headers }, JSON.stringify(e.toProblem()));

/** The answer of an injected failure. */
export function faultResponse(status: number, retryAfter = 1): Reply {
  const code =
    ({ 429: 'rate_limited', 503: 'service_unavailable' } as const)[status] ??
    (status >= 500 ? 'internal_error' : 'bad_request');
  const headers: Record<string, string> =
    status === 429 || status === 503 ? { 'Retry-After': String(retryAfter) } : {};
  return problem(new ApiError(code, `Injected failure (${status}).`, { headers }, status));
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(fileName: string): string {
  // No `%`: some clients would decode `%XX` in the plain fallback.
  const ascii = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
