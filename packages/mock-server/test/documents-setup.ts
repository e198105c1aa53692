/** What the document tests share: one server per test file, and helpers. */
import assert from 'node:assert/strict';
import { beforeEach } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makePdf } from '../src/fixtures/files.ts';
import { useServer, type Answer, type Api } from './helpers.ts';

export const api = useServer();
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' }));

export type Scope = { kind: 'property' | 'unit'; id: string };
export interface Doc {
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  documentTypeId: string;
  scope: Scope;
  shares: ShareTarget[];
  createdAt: string;
  updatedAt: string;
  version: number;
  recipientCount: number;
  downloadCount: number;
}

export const FIXTURE_DOCS = [
  'energieausweis-rosenweg-24',
  'wirtschaftsplan-2027-rosenweg-24',
  'protokoll-eigentuemerversammlung-2026',
  'grundriss-max-planck-12-w002',
];
export const W001: Scope = { kind: 'unit', id: 'rosenweg-24-w001' };

export function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
  assert.equal(r.body.status, status, what);
}

export function assertInvalid(r: Answer, path: string, what = ''): void {
  assertProblem(r, 422, 'validation_failed', what);
  assert.ok(
    Array.isArray(r.body.errors) && r.body.errors.some((e: { path: string }) => e.path === path),
    `${what}: errors name ${path}: ${JSON.stringify(r.body.errors)}`,
  );
}

export const clock = (now: string) => api.control('POST', '/clock', { now });

/** Uploads a PDF (at `at` when given) and answers the created document. */
export async function mk(
  title: string,
  o: { at?: string; scope?: Scope; shares?: ShareTarget[]; type?: string; on?: Api } = {},
): Promise<Doc> {
  const a = o.on ?? api;
  if (o.at) await a.control('POST', '/clock', { now: o.at });
  const r = await a.upload(
    { name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' },
    { title, documentTypeId: o.type ?? 'objektunterlagen', scope: o.scope ?? W001, shares: o.shares ?? [] },
  );
  assert.equal(r.status, 201, `upload ${title}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const ids = (r: Answer) => r.body.items.map((d: { id: string }) => d.id) as string[];
/** Compares two strings by code unit, as the server orders ids. */
export const byId = (a: string, b: string) => Number(a > b) - Number(a < b);

/** Every page of a listing, following nextCursor. */
export async function pages(
  path: string,
  token = 'manager',
  limit = 2,
  between?: (page: number, last: Doc[]) => Promise<void>,
): Promise<{ items: Doc[]; pages: number }> {
  const items: Doc[] = [];
  let cursor: string | null = null;
  let n = 0;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const r: Answer = await api.get(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.items.length <= limit);
    if (r.body.nextCursor !== null)
      assert.equal(r.body.items.length, limit, 'only the last page may be short');
    items.push(...r.body.items);
    cursor = r.body.nextCursor;
    n++;
    assert.ok(n < 10_000, 'the paging must end');
    if (cursor && between) await between(n, r.body.items);
  } while (cursor);
  return { items, pages: n };
}
