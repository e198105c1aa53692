/**
 * Test helpers: a standalone mock server on a free port with its own store, and a small fetch
 * wrapper. Each test file starts its own server, so files share no state.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import type { Stats } from '../src/store/store.ts';
import { startHttpServer, type RunningServer } from '../src/http.ts';
import { createStore, type StoreOptions } from '../src/store/store.ts';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Uint8Array;
}

export interface Api {
  url: string;
  server: RunningServer;
  /** The same server without anything in between (a proxy may stand in front of `call`). */
  direct: Api;
  /** Calls `/api/v1{path}` with `token` (none when undefined). A body object is sent as JSON. */
  call<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer<T>>;
  get<T = any>(path: string, token?: string): Promise<Answer<T>>;
  post<T = any>(
    path: string,
    body: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  patch<T = any>(
    path: string,
    body: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  del<T = any>(path: string, token?: string): Promise<Answer<T>>;
  /** Calls a `/__mock` control endpoint. */
  control<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>>;
  reset(options?: StoreOptions): Promise<void>;
  /** Uploads bytes through the resumable protocol and commits them; answers the commit's answer. */
  upload(
    file: { name: string; bytes: Uint8Array; type?: string },
    doc: {
      title?: string;
      documentTypeId: string;
      scope: { kind: 'property' | 'unit'; id: string };
      shares: unknown[];
    },
    opts?: { idempotencyKey?: string; chunk?: number },
  ): Promise<Answer>;
}

async function answer(res: Response): Promise<Answer> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const body = /json/.test(type) && bytes.length ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
  return { status: res.status, headers: res.headers, body, bytes };
}

/** Starts a server for this test file (before all), resets it before each test, closes it after all. */
export function useServer(options: { dataset?: StoreOptions['dataset']; resetEach?: boolean } = {}): Api {
  const api = {} as Api;
  before(async () => {
    const server = await startHttpServer({ port: 0, store: createStore({ dataset: options.dataset }) });
    Object.assign(api, makeApi(server));
  });
  if (options.resetEach !== false) beforeEach(() => api.reset({ dataset: options.dataset }));
  after(() => api.server.close());
  return api;
}

/**
 * A fetch wrapper for the server's API; `via` sends the API calls through another base URL (a
 * proxy), except upload chunks and multipart bodies, which always go straight to the server.
 */
export function makeApi(
  server: RunningServer,
  via?: { base: string; onAnswer?: (method: string, path: string, r: Answer) => void },
): Api {
  const direct = `${server.url}/api/v1`;
  const base = via?.base ?? direct;
  const call: Api['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined;
    if (opts.body instanceof Uint8Array) body = opts.body as Uint8Array<ArrayBuffer>;
    else if (opts.body instanceof FormData || opts.body instanceof ReadableStream)
      body = opts.body as BodyInit;
    else if (typeof opts.body === 'string') body = opts.body;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] ??= 'application/json';
    }
    // Binary and multipart bodies go around a proxy (Prism mangles both; see prism.ts).
    const chunk = (method === 'PATCH' && opts.body instanceof Uint8Array) || opts.body instanceof FormData;
    const r = await answer(await fetch((chunk ? direct : base) + path, { method, headers, body }));
    if (!chunk) via?.onAnswer?.(method, path, r);
    return r;
  };
  const api: Api = {
    url: server.url,
    server,
    get direct() {
      return via ? makeApi(server) : api;
    },
    call,
    get: (path, token) => call('GET', path, { token }),
    post: (path, body, token, headers) => call('POST', path, { token, body, headers }),
    patch: (path, body, token, headers) => call('PATCH', path, { token, body, headers }),
    del: (path, token) => call('DELETE', path, { token }),
    control: async (method, path, body) =>
      answer(
        await fetch(`${server.url}/__mock${path}`, {
          method,
          headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    reset: async (o = {}) => {
      const r = await api.control('POST', '/reset', o);
      if (r.status !== 200) throw new Error(`reset failed: ${r.status}`);
    },
    upload: async (file, doc, opts = {}) => {
      const created = await api.post(
        '/uploads',
        { fileName: file.name, size: file.bytes.length, mimeType: file.type ?? '' },
        'manager',
      );
      if (created.status !== 201) return created;
      const chunk = opts.chunk ?? file.bytes.length;
      for (let o = 0; o < file.bytes.length; o += chunk) {
        const r = await call('PATCH', `/uploads/${created.body.id}`, {
          token: 'manager',
          body: file.bytes.subarray(o, o + chunk),
          headers: { 'Upload-Offset': String(o), 'Content-Type': 'application/offset+octet-stream' },
        });
        if (r.status !== 204) return r;
      }
      const title = doc.title ?? file.name.replace(/\.[^.]+$/, '');
      return api.post(
        '/documents',
        {
          uploadId: created.body.id,
          title,
          documentTypeId: doc.documentTypeId,
          scope: doc.scope,
          shares: doc.shares,
        },
        'manager',
        opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {},
      );
    },
  };
  return api;
}

/** Every fixture contact id. */
export const CONTACTS = [
  'kristina-maiblume',
  'jonas-becker',
  'lena-hoffmann',
  'ahmet-yilmaz',
  'sophie-wagner',
  'markus-schneider',
  'paul-klein',
] as const;

/** Asserts a problem+json answer with this status and code. */
export function problem(r: Answer, status: number, code: string): void {
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.type, 'string');
  assert.equal(typeof r.body.title, 'string');
}

/** The server's counters since the last reset. */
export async function stats(api: Api): Promise<Stats> {
  const r = await api.control('GET', '/stats');
  assert.equal(r.status, 200);
  return r.body;
}

/** A `POST /documents/upload` body: the JSON `metadata` part and the `file` part. */
export function directForm(
  metadata: unknown,
  bytes: Uint8Array,
  fileName: string,
  type = 'application/pdf',
): FormData {
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
  return form;
}
