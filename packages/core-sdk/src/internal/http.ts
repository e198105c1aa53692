/**
 * The request loop: one place that sends, authenticates, retries, times out, maps failures to
 * DocPortalError and parses answers with the contract's schemas. Not exported from the package.
 */
import type { AxiosInstance, AxiosProgressEvent, AxiosResponse, ResponseType } from 'axios';
import { transport, type Send } from '#transport';
import * as z from 'zod/mini';
import {
  AbortError,
  DocPortalError,
  NetworkError,
  ResponseValidationError,
  ValidationError,
  TimeoutError,
  asDocPortalError,
  errorFromStatus,
} from '../errors.js';
import { Problem, type FieldError } from '../schemas/problem.js';
import type { Method, PathParams, Route } from '../routes.js';
import type { ResumeStore } from '../upload/resume.js';

/** A bearer token, or a function the SDK calls before each request (and once more after a 401). */
export type TokenSource = string | (() => string | Promise<string>);

export interface RetryOptions {
  /** Retries per request after the first try. @default 5 */
  maxRetries?: number;
  /** First backoff; doubled on each retry. @default 500 */
  baseDelayMs?: number;
  /** Cap of one backoff. @default 8000 */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010/api/v1` or `/api/v1`. */
  baseUrl: string;
  token?: TokenSource;
  /** Retry policy, or just the number of retries. */
  retry?: RetryOptions | number;
  /** Time allowed for one request. @default 30000 */
  timeoutMs?: number;
  /** An axios instance of your own (interceptors, proxies); the SDK sets its per-request options on it. */
  axios?: AxiosInstance;
  /** Send through this `fetch` (axios' fetch adapter) instead of XHR / Node http. */
  fetch?: typeof fetch;
  /** Called before each attempt. */
  onRequest?: (info: { method: string; url: string; attempt: number }) => void;
  /** Where uploads are remembered for resuming after a reload. @default the session id in localStorage */
  resumeStore?: ResumeStore;
  /** Called after each answer. */
  onResponse?: (info: { method: string; url: string; status: number; ms: number }) => void;
}

/** Per-call options; always the last argument of a method. */
export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Key of a write (`POST`, `PATCH`, `DELETE`), sent as `Idempotency-Key` on every try so that
   * the server acts once. @default a new random key per call
   */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

export interface Call {
  method: Method;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  responseType?: ResponseType;
  onUploadProgress?: (e: AxiosProgressEvent) => void;
  onDownloadProgress?: (e: AxiosProgressEvent) => void;
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(t);
      reject(aborted());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

/**
 * A route's path with its parameters, each encoded as one segment. An empty id, `.` or `..`
 * would name another path (`/documents/..` is the root), so it is refused before any request.
 */
export const pathOf = (path: string, params: Record<string, string> = {}): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const segment = params[name] ?? '';
    if (segment === '' || segment === '.' || segment === '..')
      throw new ValidationError(`"${segment}" is not an id.`, { code: 'validation_failed' });
    return encodeURIComponent(segment);
  });

/** What a call of a route sends beyond its method and path: the path's parameters first. */
export type RouteCall<R extends Route> = Omit<Call, 'method' | 'path'> &
  (R['path'] extends `${string}{${string}` ? { params: PathParams<R['path']> } : { params?: undefined });

/** What a route answers: its schema's output, nothing (204), or the raw answer (file bytes). */
export type RouteAnswer<R extends Route> = R['response'] extends z.ZodMiniType
  ? z.output<R['response']>
  : R['response'] extends null
    ? void
    : AxiosResponse;

/** A random key (no secure context needed, unlike `crypto.randomUUID`). */
export const uuid = () => crypto.getRandomValues(new Uint32Array(4)).join('-');

export const aborted = () => new AbortError('The request was aborted.', { code: 'aborted' });

/** `Retry-After` in ms, when given in seconds. */
const retryAfterMs = (res: AxiosResponse): number | undefined => {
  const s = Number(res.headers['retry-after'] ?? NaN);
  return s >= 0 ? s * 1000 : undefined;
};

/** Whether an error may succeed on another try. */
export const isTransient = (e: unknown): boolean =>
  e instanceof NetworkError ||
  e instanceof TimeoutError ||
  (e instanceof DocPortalError && (e.status === 408 || e.status === 429 || e.status >= 500));

export class Http {
  /** The caller's axios instance, or the SDK's transport (XHR-only in browser builds). */
  private readonly request: Send;
  private readonly retry: Required<RetryOptions>;
  /**
   * The chunk size the last clean upload of this client ended on: the next upload starts there
   * when it is larger than the server's hint, so that a fast connection sends a file in one
   * PATCH. Unset after any failed chunk.
   */
  chunk?: number;
  /** The largest file the server takes in one request, from its last `Upload-Limit` header. */
  uploadLimit?: number;

  constructor(readonly options: ClientOptions) {
    const own = options.axios;
    this.request = own ? (config) => own.request(config) : transport(options.fetch);
    const r = typeof options.retry === 'number' ? { maxRetries: options.retry } : (options.retry ?? {});
    this.retry = {
      maxRetries: r.maxRetries ?? 5,
      baseDelayMs: r.baseDelayMs ?? 500,
      maxDelayMs: r.maxDelayMs ?? 8000,
    };
  }

  /** Retries per request of the client's policy; the upload engine bounds chunk retries by it too. */
  get maxRetries(): number {
    return this.retry.maxRetries;
  }

  /** Backoff before retry `n` (0-based): exponential with jitter, or the server's Retry-After. */
  delay(n: number, error?: unknown): number {
    const after = (error as DocPortalError | undefined)?.retryAfterMs;
    if (after !== undefined && after <= 60_000) return after;
    return Math.min(this.retry.baseDelayMs * 2 ** n, this.retry.maxDelayMs) * (1 - Math.random() * 0.25);
  }

  private async token(refresh: boolean): Promise<string | undefined> {
    const t = this.options.token;
    if (typeof t === 'function') return t();
    // A fixed token that was refused is not sent again.
    return refresh ? undefined : t;
  }

  /** Sends once (plus one token refresh after a 401); maps every failure to a DocPortalError. */
  async once(call: Call, opts: RequestOptions = {}, attempt = 0): Promise<AxiosResponse> {
    let refreshed = false;
    for (;;) {
      if (opts.signal?.aborted) throw aborted();
      const token = await this.token(refreshed);
      const url = this.options.baseUrl.replace(/\/$/, '') + call.path;
      this.options.onRequest?.({ method: call.method, url, attempt });
      const started = Date.now();
      let res: AxiosResponse;
      try {
        res = await this.request({
          method: call.method,
          url,
          params: call.query,
          // Plain objects go out as JSON with `Content-Type: application/json` (axios sets both).
          data: call.body,
          headers: {
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...call.headers,
            ...opts.headers,
          },
          signal: opts.signal,
          timeout: opts.timeoutMs ?? this.options.timeoutMs ?? 30_000,
          responseType: call.responseType ?? 'json',
          onUploadProgress: call.onUploadProgress,
          onDownloadProgress: call.onDownloadProgress,
          validateStatus: () => true,
          ...(this.options.fetch && this.options.axios
            ? { adapter: 'fetch', env: { fetch: this.options.fetch } }
            : {}),
        });
      } catch (e) {
        // axios' cancel errors carry __CANCEL__ (what axios.isCancel reads).
        if (opts.signal?.aborted || (e as { __CANCEL__?: boolean } | null)?.__CANCEL__) throw aborted();
        const code = (e as { code?: string }).code;
        if (code === 'ECONNABORTED' || code === 'ETIMEDOUT')
          throw new TimeoutError('The server did not answer in time.', { code: 'timeout', cause: e });
        throw new NetworkError('The server could not be reached or the connection was cut.', {
          code: 'network_error',
          cause: e,
        });
      }
      this.options.onResponse?.({ method: call.method, url, status: res.status, ms: Date.now() - started });
      const limit = res.headers['upload-limit'];
      if (limit) this.uploadLimit = +limit;
      if (res.status < 400) return res;
      if (res.status === 401 && !refreshed && typeof this.options.token === 'function') {
        refreshed = true;
        continue;
      }
      throw await errorOf(res);
    }
  }

  /**
   * Sends with retries on transient failures (network, timeout, 408, 429, 5xx). A write carries
   * one `Idempotency-Key` on every try; when a try went unanswered and the write then fails
   * without a definite answer, the error says its outcome is unknown.
   */
  async send(call: Call, opts: RequestOptions = {}): Promise<AxiosResponse> {
    const max = opts.maxRetries ?? this.retry.maxRetries;
    const key = call.method === 'GET' ? undefined : (opts.idempotencyKey ?? uuid());
    if (key) call = { ...call, headers: { ...call.headers, 'Idempotency-Key': key } };
    let unanswered = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(call, opts, attempt);
      } catch (e) {
        if (e instanceof NetworkError || e instanceof TimeoutError) unanswered = true;
        // No answer, or a failure, after a try that went unanswered: the write may have happened.
        if (key && unanswered && e instanceof DocPortalError && (!e.status || isTransient(e))) {
          e.outcome = 'unknown';
          e.idempotencyKey = key;
        }
        // Whatever else failed (a token function that threw, a hook) leaves as a DocPortalError.
        if (attempt >= max || !isTransient(e)) throw asDocPortalError(e);
        await sleep(this.delay(attempt, e), opts.signal);
      }
    }
  }

  /** Sends a route's request and parses its answer with the route's schema. */
  async call<R extends Route>(route: R, call: RouteCall<R>, opts?: RequestOptions): Promise<RouteAnswer<R>> {
    const { params, ...rest } = call;
    const res = await this.send(
      { ...rest, method: route.method, path: pathOf(route.path, params as Record<string, string>) },
      opts,
    );
    const schema = route.response;
    return (schema && schema !== 'binary' ? parse(schema, res.data, res.status) : res) as RouteAnswer<R>;
  }
}

/** A schema's complaints as the contract's field errors (`{ path: 'shares.0.contactId', message }`). */
export const fieldErrors = (error: z.core.$ZodError): FieldError[] =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/** Parses an answer; a mismatch becomes a ResponseValidationError naming where. */
export function parse<S extends z.ZodMiniType>(schema: S, data: unknown, status?: number): z.output<S> {
  const r = z.safeParse(schema, data);
  if (r.success) return r.data;
  const issues = fieldErrors(r.error);
  throw new ResponseValidationError(
    `The server's answer does not match the contract (${issues.map((i) => i.path || '(root)').join(', ')}).`,
    issues,
    status,
  );
}

/** The DocPortalError of a failed answer, from its problem (RFC 9457) when it has one. */
async function errorOf(res: AxiosResponse): Promise<DocPortalError> {
  let data: unknown = res.data;
  // Binary answers (downloads) carry their problem as bytes: an ArrayBuffer, a Node Buffer or a Blob.
  if (
    data instanceof ArrayBuffer ||
    ArrayBuffer.isView(data) ||
    (typeof Blob !== 'undefined' && data instanceof Blob)
  )
    data = await new Response(data as BodyInit).json().catch(() => undefined);
  const problem = z.safeParse(Problem, data);
  const error = errorFromStatus(res.status, problem.success ? problem.data : undefined);
  error.retryAfterMs = retryAfterMs(res);
  error.headers = { ...res.headers } as Record<string, string>;
  return error;
}
