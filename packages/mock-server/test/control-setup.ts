/** What the control endpoint tests share: one server per test file, and helpers. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { stats as statsOf, useServer } from './helpers.ts';

export const api = useServer();

export const M = 'manager';
export const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
export const FIXTURE_DOCS = [
  'energieausweis-rosenweg-24',
  'grundriss-max-planck-12-w002',
  'protokoll-eigentuemerversammlung-2026',
  'wirtschaftsplan-2027-rosenweg-24',
];
export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
export const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

export const stats = () => statsOf(api);
export const faults = async (body: Record<string, unknown>) => {
  const r = await api.control('POST', '/faults', body);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r;
};

export async function docIds(): Promise<string[]> {
  const r = await api.get('/documents?limit=200', M);
  assert.equal(r.status, 200);
  return r.body.items.map((d: { id: string }) => d.id).sort();
}
export const typeNames = async () =>
  (await api.get('/document-types', M)).body.items.map((t: { name: string }) => t.name) as string[];

export const chunkHeaders = (offset: number) => ({
  'Upload-Offset': String(offset),
  'Content-Type': 'application/offset+octet-stream',
});
export const createUpload = (fileName: string, size: number) =>
  api.post('/uploads', { fileName, size, mimeType: 'application/pdf' }, M);
export const patchChunk = (id: string, offset: number, bytes: Uint8Array) =>
  api.call('PATCH', `/uploads/${id}`, { token: M, body: bytes, headers: chunkHeaders(offset) });
export const commitBody = (uploadId: string, title = 'Hausordnung') => ({
  uploadId,
  title,
  documentTypeId: 'objektunterlagen',
  scope: ROSENWEG,
  shares: [],
});

/** Opens an upload of `bytes` and sends them all (faults must be off). */
export async function uploaded(name: string, bytes: Uint8Array): Promise<string> {
  const c = await createUpload(name, bytes.length);
  assert.equal(c.status, 201);
  assert.equal((await patchChunk(c.body.id, 0, bytes)).status, 204);
  return c.body.id;
}
