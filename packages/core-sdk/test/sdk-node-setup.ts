/**
 * What the SDK's Node tests share: a standalone mock server on a free port (`usesMockServer()`),
 * its control endpoints, clients as manager or contact, and `rejects`, which checks an error's
 * class and that no axios error escapes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import { startHttpServer, type RunningServer } from '@docportal/mock-server/http';
import {
  DocPortalError,
  createClient,
  type ClientOptions,
  type Document,
  type TokenSource,
} from '../src/index.ts';

// Every assert.ok carries a message: without one, Node builds it from the source, which can hang
// under tsx when the assertion fails.

let server: RunningServer;
let base: string;

type Stats = {
  requests: number;
  bytesReceived: number;
  documents: number;
  uploads: number;
  openUploads: number;
};

/** Calls a `/__mock` control endpoint (GET without a body, POST with one). */
export async function control<T = any>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/__mock${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
export const stats = () => control<Stats>('/stats');
export const faults = (f: Record<string, number>) => control('/faults', f);
export const reset = () => control('/reset', {});
/**
 * An `onRequest` hook that makes a PATCH fail with a 503 when `fail()` says so; every other
 * request passes. The fault is set right before each request goes out (the client is
 * sequential, so the server draws for that very request). `fail` is asked once per PATCH.
 */
export const failPatchWhen =
  (fail: () => boolean) =>
  ({ method }: { method: string }) =>
    server.store.setFaults(
      method === 'PATCH' && fail() ? { failRate: 1, failStatus: 503, retryAfter: 0 } : {},
    );

export const clientAs = (token: TokenSource | undefined, options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: base, token, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...options });
export const manager = () => clientAs('manager');
export const contact = (id: string) => clientAs(`contact:${id}`);

export const file = (bytes: Uint8Array, name: string, type = '') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/**
 * Awaits a rejection and checks it is `Class`, a DocPortalError and never an axios error, with a
 * message of its own (not axios' "Request failed with status code …").
 */
export async function rejects<T extends DocPortalError>(
  p: Promise<unknown>,
  Class: abstract new (...args: any[]) => T,
): Promise<T> {
  let error: unknown;
  let resolved = false;
  try {
    await p;
    resolved = true;
  } catch (e) {
    error = e;
  }
  assert.ok(!resolved, `expected ${Class.name}, but the call succeeded`);
  assert.ok(error instanceof DocPortalError, `not a DocPortalError: ${String(error)}`);
  assert.ok(!('isAxiosError' in error), `an axios error escaped: ${String(error)}`);
  assert.ok(
    error instanceof Class,
    `expected ${Class.name}, got ${error.name} (${error.status} ${error.code}): ${error.message}`,
  );
  assert.equal(error.name, Class.name);
  assert.ok(error.message.length > 5, `a message of its own: ${error.message}`);
  assert.doesNotMatch(error.message, /Request failed with status code|AxiosError|ECONN|ERR_/);
  return error;
}

/** Every document the manager sees (all pages). */
export async function allDocuments(): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of manager().documents.iterate({ limit: 200 })) out.push(d);
  return out;
}

export const ROSENWEG = 'property:rosenweg-24';
export const W002 = 'max-planck-12-w002';
export const FIXTURE_DOCS_NEWEST_FIRST = [
  'wirtschaftsplan-2027-rosenweg-24',
  'protokoll-eigentuemerversammlung-2026',
  'energieausweis-rosenweg-24',
  'grundriss-max-planck-12-w002',
];

/** Starts a mock server on a free port for the file's tests, with fresh data before each test. */
export function usesMockServer(): void {
  before(async () => {
    server = await startHttpServer({ port: 0 });
    base = `${server.url}/api/v1`;
  });
  after(() => server.close());
  beforeEach(async () => {
    await reset();
  });
}

/** The running mock server's store (its faults, set right before a request). */
export const mockStore = () => server.store;
/** The API's base URL on the running mock server. */
export const apiBase = () => base;
