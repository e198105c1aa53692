/** What the upload tests share: one server per test file, and helpers. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { stats as statsOf, useServer, type Answer } from './helpers.ts';

export const api = useServer();

export const M = 'manager';
export const MAX = 52_428_800;
export const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
export const W002 = { kind: 'unit', id: 'max-planck-12-w002' } as const;
export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The paths named by a 422 answer. */
export const paths = (r: Answer): string[] => (r.body.errors ?? []).map((e: { path: string }) => e.path);

export const stats = () => statsOf(api);

/** Every document id the manager sees (the fixtures hold only a few). */
export async function docIds(): Promise<string[]> {
  const r = await api.get('/documents?limit=200', M);
  assert.equal(r.status, 200);
  assert.equal(r.body.nextCursor, null);
  return r.body.items.map((d: { id: string }) => d.id).sort();
}

export const createUpload = (fileName: string, size: number, mimeType = PDF_TYPE) =>
  api.post('/uploads', { fileName, size, mimeType }, M);

export const patchChunk = (
  id: string,
  offset: number | string | undefined,
  bytes: Uint8Array,
  contentType = 'application/offset+octet-stream',
) =>
  api.call('PATCH', `/uploads/${id}`, {
    token: M,
    body: bytes,
    headers: {
      'Content-Type': contentType,
      ...(offset === undefined ? {} : { 'Upload-Offset': String(offset) }),
    },
  });

export const getUpload = (id: string) => api.get(`/uploads/${id}`, M);

/** Opens an upload and sends all of `bytes`; answers the upload id. */
export async function uploaded(fileName: string, bytes: Uint8Array, mimeType = PDF_TYPE): Promise<string> {
  const c = await createUpload(fileName, bytes.length, mimeType);
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const p = await patchChunk(c.body.id, 0, bytes);
  assert.equal(p.status, 204, JSON.stringify(p.body));
  return c.body.id;
}

export interface CommitBody {
  uploadId: string;
  title?: string;
  documentTypeId?: string;
  scope?: unknown;
  shares?: unknown[];
}
export const commitBody = (b: CommitBody) => ({
  title: 'Hausordnung',
  documentTypeId: 'objektunterlagen',
  scope: ROSENWEG,
  shares: [],
  ...b,
});
export const commit = (b: CommitBody, key?: string) =>
  api.post('/documents', commitBody(b), M, key === undefined ? {} : { 'Idempotency-Key': key });

/** Parses `attachment; filename="…"; filename*=UTF-8''…`. */
export function disposition(header: string | null): { ascii: string; utf8: string } {
  assert.ok(header, 'Content-Disposition is missing');
  const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/.exec(header);
  assert.ok(m, `unexpected Content-Disposition: ${header}`);
  return { ascii: m[1]!, utf8: decodeURIComponent(m[2]!) };
}
