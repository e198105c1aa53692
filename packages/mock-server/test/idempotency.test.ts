/**
 * `Idempotency-Key` on every write of the contract (API.md, "Exactly once"), over real HTTP
 * against the standalone server: a write whose answer is lost, replayed with its key, answers
 * the first answer and acts once; the same key with another body is a 409.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { problem, stats as statsOf, useServer, type Answer } from './helpers.ts';

const api = useServer();
const M = 'manager';
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
const DOC = 'energieausweis-rosenweg-24';
const stats = () => statsOf(api);

/** Sends once with the answer lost (the write takes effect), then replays the same request. */
async function lostThenReplayed(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Answer> {
  assert.equal((await api.control('POST', '/faults', { loseResponseRate: 1 })).status, 200);
  await assert.rejects(api.call(method, path, { token: M, body, headers }));
  assert.equal((await api.control('POST', '/faults', {})).status, 200);
  return api.call(method, path, { token: M, body, headers });
}

const key = (k: string) => ({ 'Idempotency-Key': k });

describe('Idempotency-Key on every write', () => {
  it('POST /document-types: a replay answers 201 with the same type, and only one exists', async () => {
    const r = await lostThenReplayed('POST', '/document-types', { name: 'Verträge' }, key('t-1'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.name, 'Verträge');
    const types = (await api.get('/document-types', M)).body.items.filter(
      (t: { name: string }) => t.name === 'Verträge',
    );
    assert.equal(types.length, 1);
    assert.equal(types[0].id, r.body.id);
    problem(await api.post('/document-types', { name: 'Andere' }, M, key('t-1')), 409, 'conflict');
  });

  it('PATCH /document-types/{id}: a replay answers the first answer', async () => {
    const r = await lostThenReplayed('PATCH', '/document-types/plaene', { name: 'Baupläne' }, key('t-2'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.name, 'Baupläne');
    problem(await api.patch('/document-types/plaene', { name: 'Pläne' }, M, key('t-2')), 409, 'conflict');
    // Another target under the same key is another request too.
    problem(
      await api.patch('/document-types/protokolle', { name: 'Baupläne' }, M, key('t-2')),
      409,
      'conflict',
    );
  });

  it('DELETE /document-types/{id}: a replay answers 204, not 404', async () => {
    const made = await api.post('/document-types', { name: 'Leer' }, M);
    assert.equal(made.status, 201);
    const r = await lostThenReplayed('DELETE', `/document-types/${made.body.id}`, undefined, key('t-3'));
    assert.equal(r.status, 204, JSON.stringify(r.body));
    problem(await api.del(`/document-types/${made.body.id}`, M), 404, 'not_found');
  });

  it('PATCH /documents/{id} with If-Match: a replay answers 200 with the change, not 412', async () => {
    const v = (await api.get(`/documents/${DOC}`, M)).body.version as number;
    const r = await lostThenReplayed(
      'PATCH',
      `/documents/${DOC}`,
      { title: 'Neu' },
      { ...key('d-1'), 'If-Match': `"${v}"` },
    );
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.version, v + 1);
    assert.equal(r.headers.get('etag'), `"${v + 1}"`);
    assert.equal((await api.get(`/documents/${DOC}`, M)).body.version, v + 1, 'changed once');
    problem(
      await api.patch(`/documents/${DOC}`, { title: 'Anders' }, M, { ...key('d-1'), 'If-Match': `"${v}"` }),
      409,
      'conflict',
    );
  });

  it('DELETE /documents/{id}: a replay answers 204, not 404', async () => {
    const r = await lostThenReplayed('DELETE', `/documents/${DOC}`, undefined, key('d-2'));
    assert.equal(r.status, 204, JSON.stringify(r.body));
    problem(await api.get(`/documents/${DOC}`, M), 404, 'not_found');
  });

  it('DELETE /uploads/{id}: a replay answers 204', async () => {
    const c = await api.post('/uploads', { fileName: 'a.pdf', size: 10, mimeType: 'application/pdf' }, M);
    const r = await lostThenReplayed('DELETE', `/uploads/${c.body.id}`, undefined, key('u-1'));
    assert.equal(r.status, 204, JSON.stringify(r.body));
    assert.equal((await stats()).openUploads, 0);
  });

  it('PATCH /uploads/{id}: a replay of the same offset and length answers the first 204 with its Upload-Offset', async () => {
    const bytes = makePdf('Einmal');
    const c = await api.post(
      '/uploads',
      { fileName: 'a.pdf', size: bytes.length, mimeType: 'application/pdf' },
      M,
    );
    const headers = {
      ...key('u-2'),
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
    };
    const r = await lostThenReplayed('PATCH', `/uploads/${c.body.id}`, bytes, headers);
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('upload-offset'), String(bytes.length));
    problem(
      await api.call('PATCH', `/uploads/${c.body.id}`, { token: M, body: bytes.subarray(1), headers }),
      409,
      'conflict',
    );
  });

  it('POST /recipients/resolve and a refused write do not burn the key', async () => {
    const body = { scope: ROSENWEG, targets: [] };
    assert.equal((await api.post('/recipients/resolve', body, M, key('r-1'))).status, 200);
    // A refusal took no effect: the key stays free for a corrected body.
    problem(await api.post('/document-types', { name: 'Objektunterlagen' }, M, key('t-9')), 409, 'conflict');
    assert.equal((await api.post('/document-types', { name: 'Frei' }, M, key('t-9'))).status, 201);
  });
});
