/**
 * The mock-only control endpoints over real HTTP against the standalone server: reset (fixtures
 * and the large data set), the clock, fault injection (failures, latency, cut connections, lost
 * answers), discard, stats, CORS and unknown routes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { problem, stats as statsOf, useServer, type Answer } from './helpers.ts';
import { makePaddedPdf } from '../src/testing.ts';

const api = useServer();

const M = 'manager';
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
const FIXTURE_DOCS = ['energieausweis-rosenweg-24', 'grundriss-max-planck-12-w002', 'protokoll-eigentuemerversammlung-2026', 'wirtschaftsplan-2027-rosenweg-24'];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));


const stats = () => statsOf(api);
const faults = async (body: Record<string, unknown>) => {
  const r = await api.control('POST', '/faults', body);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r;
};

async function docIds(): Promise<string[]> {
  const r = await api.get('/documents?limit=200', M);
  assert.equal(r.status, 200);
  return r.body.items.map((d: { id: string }) => d.id).sort();
}
const typeNames = async () => (await api.get('/document-types', M)).body.items.map((t: { name: string }) => t.name) as string[];

const chunkHeaders = (offset: number) => ({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' });
const createUpload = (fileName: string, size: number) => api.post('/uploads', { fileName, size, mimeType: 'application/pdf' }, M);
const patchChunk = (id: string, offset: number, bytes: Uint8Array) => api.call('PATCH', `/uploads/${id}`, { token: M, body: bytes, headers: chunkHeaders(offset) });
const commitBody = (uploadId: string, title = 'Hausordnung') => ({ uploadId, title, documentTypeId: 'objektunterlagen', scope: ROSENWEG, shares: [] });

/** Opens an upload of `bytes` and sends them all (faults must be off). */
async function uploaded(name: string, bytes: Uint8Array): Promise<string> {
  const c = await createUpload(name, bytes.length);
  assert.equal(c.status, 201);
  assert.equal((await patchChunk(c.body.id, 0, bytes)).status, 204);
  return c.body.id;
}

describe('POST /__mock/reset', () => {
  it('goes back to the fixtures: documents, types, uploads, clock, faults and counters', async () => {
    const fresh = await docIds();
    assert.deepEqual(fresh, FIXTURE_DOCS);
    const freshTypes = await typeNames();
    assert.equal((await api.post('/document-types', { name: 'Neu' }, M)).status, 201);
    const id = await uploaded('a.pdf', makePdf('a'));
    const open = await createUpload('b.pdf', 10);
    assert.equal((await api.post('/documents', commitBody(id), M)).status, 201);
    assert.equal((await api.control('POST', '/clock', { now: '2030-01-01T00:00:00Z' })).status, 200);
    await faults({ failRate: 1 });
    assert.equal((await api.get('/me', M)).status, 503);

    const r = await api.control('POST', '/reset', {});
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { dataset: 'fixtures', seed: 1 });
    // Faults cleared.
    assert.equal((await api.get('/me', M)).status, 200);
    assert.deepEqual(await docIds(), fresh);
    assert.deepEqual(await typeNames(), freshTypes);
    assert.ok(!(await typeNames()).includes('Neu'));
    problem(await api.get(`/uploads/${open.body.id}`, M), 404, 'not_found');
    assert.deepEqual(await stats(), { requests: 5, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });
    // The clock is free again: a new upload expires a day from now, not from 2030.
    const t0 = Date.now();
    const u = await createUpload('c.pdf', 10);
    const expires = Date.parse(u.body.expiresAt);
    assert.ok(expires >= t0 + 86_400_000 - 1000 && expires <= Date.now() + 86_400_000 + 1000, u.body.expiresAt);
  });

  it('works with an empty JSON body, refuses a bad one with 422 and one that is not JSON with 415', async () => {
    assert.equal((await api.post('/document-types', { name: 'Neu' }, M)).status, 201);
    const r = await api.control('POST', '/reset');
    assert.equal(r.status, 200);
    assert.equal(r.body.dataset, 'fixtures');
    assert.ok(!(await typeNames()).includes('Neu'));
    problem(await api.control('POST', '/reset', { dataset: 'huge' }), 422, 'validation_failed');
    problem(await api.control('POST', '/reset', { seed: 1.5 }), 422, 'validation_failed');
    const bad = await fetch(`${api.url}/__mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"dataset":' });
    assert.equal(bad.status, 400);
    // A form post or a bare POST needs no preflight: refused, and nothing is reset.
    assert.equal((await api.post('/document-types', { name: 'Bleibt' }, M)).status, 201);
    for (const headers of [{}, { 'Content-Type': 'text/plain' }, { 'Content-Type': 'application/x-www-form-urlencoded' }] as Array<Record<string, string>>) {
      const r = await fetch(`${api.url}/__mock/reset`, { method: 'POST', headers, body: '{}' });
      assert.equal(r.status, 415, JSON.stringify(headers));
    }
    assert.ok((await typeNames()).includes('Bleibt'));
  });

  it("'large' keeps every fixture and adds ≥ 2,000 units, ≥ 10,000 contacts, ≥ 50,000 documents and a 5-level type tree", async () => {
    const r = await api.control('POST', '/reset', { dataset: 'large' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { dataset: 'large', seed: 1 });

    const props = (await api.get('/properties', M)).body.items as Array<{ id: string; unitCount: number }>;
    assert.ok(props.length >= 202, `${props.length} properties`);
    const units = props.reduce((n, p) => n + p.unitCount, 0);
    assert.ok(units >= 2_000 + 9, `${units} units`);
    const estate = props.find((p) => p.id === 'grosssiedlung');
    assert.ok(estate && estate.unitCount >= 4_000, `grosssiedlung: ${estate?.unitCount}`);
    for (const id of ['rosenweg-24', 'max-planck-12']) assert.ok(props.some((p) => p.id === id), id);

    const types = (await api.get('/document-types', M)).body.items as Array<{ id: string; parentId: string | null; subtreeCount: number; documentCount: number }>;
    const byId = new Map(types.map((t) => [t.id, t]));
    const depth = (t: { parentId: string | null }): number => (t.parentId === null ? 1 : 1 + depth(byId.get(t.parentId)!));
    assert.equal(Math.max(...types.map(depth)), 5);
    for (const id of ['objektunterlagen', 'plaene', 'energieausweis', 'bedienungsanleitungen', 'abrechnungen', 'protokolle', 'eigentuemerversammlungen']) assert.ok(byId.has(id), id);
    const total = types.filter((t) => t.parentId === null).reduce((n, t) => n + t.subtreeCount, 0);
    assert.equal(total, types.reduce((n, t) => n + t.documentCount, 0));
    assert.ok(total >= 50_000, `${total} documents`);

    const estateTypes = (await api.get('/document-types?scope=property:grosssiedlung', M)).body.items as Array<{ parentId: string | null; subtreeCount: number }>;
    const estateDocs = estateTypes.filter((t) => t.parentId === null).reduce((n, t) => n + t.subtreeCount, 0);
    assert.ok(estateDocs >= 20_000, `${estateDocs} estate documents`);

    const everyone = await api.post('/recipients/resolve', { scope: { kind: 'property', id: 'grosssiedlung' }, targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant', 'owner'] }] }, M);
    assert.equal(everyone.status, 200);
    assert.ok(everyone.body.count >= 10_000, `${everyone.body.count} current contacts`);
    assert.equal(everyone.body.contacts.length, 100);
    assert.equal(everyone.body.truncated, true);

    for (const id of FIXTURE_DOCS) assert.equal((await api.get(`/documents/${id}`, M)).status, 200, id);
    assert.equal((await api.get('/me', 'contact:kristina-maiblume')).status, 200);
    // Counters start at zero for the large set too.
    assert.equal((await stats()).documents, 0);
  });
});

describe('POST /__mock/clock', () => {
  it('fixes the clock for uploads and documents, and frees it with null', async () => {
    const fixed = await api.control('POST', '/clock', { now: '2026-11-27T11:00:00+01:00' });
    assert.equal(fixed.status, 200);
    assert.deepEqual(fixed.body, { now: '2026-11-27T10:00:00.000Z' });
    const u = await createUpload('Hausordnung.pdf', makePdf('x').length);
    assert.equal(u.body.expiresAt, '2026-11-28T10:00:00.000Z');
    await patchChunk(u.body.id, 0, makePdf('x'));
    const doc = await api.post('/documents', commitBody(u.body.id), M);
    assert.equal(doc.status, 201);
    assert.equal(doc.body.createdAt, '2026-11-27T10:00:00.000Z');
    assert.equal(doc.body.updatedAt, '2026-11-27T10:00:00.000Z');

    // Time moves only when told to: a later fixed time lets the open upload expire.
    const open = await createUpload('Offen.pdf', 10);
    await api.control('POST', '/clock', { now: '2026-11-28T10:00:01Z' });
    problem(await api.get(`/uploads/${open.body.id}`, M), 404, 'not_found');

    const freed = await api.control('POST', '/clock', { now: null });
    assert.equal(freed.status, 200);
    assert.deepEqual(freed.body, { now: null });
    const t0 = Date.now();
    const id = await uploaded('Später.pdf', makePdf('y'));
    const later = await api.post('/documents', commitBody(id, 'Später'), M);
    assert.equal(later.status, 201);
    const at = Date.parse(later.body.createdAt);
    assert.ok(at >= t0 - 1000 && at <= Date.now() + 1000, later.body.createdAt);
  });

  it('refuses a time that is not ISO-8601 with 422', async () => {
    for (const now of ['tomorrow', '2026-11-27', 12345]) problem(await api.control('POST', '/clock', { now }), 422, 'validation_failed');
    problem(await api.control('POST', '/clock', {}), 422, 'validation_failed');
  });
});

describe('POST /__mock/faults', () => {
  it('failRate 1 with failStatus 503: problem+json 503 with Retry-After, and no effect', async () => {
    const pre = await createUpload('a.pdf', 100);
    const set = await faults({ failRate: 1, failStatus: 503 });
    assert.deepEqual(set.body, { failRate: 1, failStatus: 503 });
    const before = await stats();

    const me = await api.get('/me', M);
    problem(me, 503, 'service_unavailable');
    assert.equal(me.headers.get('retry-after'), '1');
    problem(await api.post('/document-types', { name: 'Neu' }, M), 503, 'service_unavailable');
    problem(await createUpload('b.pdf', 100), 503, 'service_unavailable');
    problem(await patchChunk(pre.body.id, 0, new Uint8Array(100)), 503, 'service_unavailable');
    problem(await api.post('/documents', commitBody(pre.body.id), M), 503, 'service_unavailable');
    problem(await api.del(`/documents/${FIXTURE_DOCS[0]}`, M), 503, 'service_unavailable');
    // 429/5xx faults come before authentication.
    problem(await api.get('/me'), 503, 'service_unavailable');

    const during = await stats();
    assert.equal(during.requests, before.requests + 7);
    const cleared = await faults({});
    assert.deepEqual(cleared.body, {});
    assert.ok(!(await typeNames()).includes('Neu'));
    assert.equal((await api.get(`/uploads/${pre.body.id}`, M)).body.offset, 0);
    assert.deepEqual(await docIds(), FIXTURE_DOCS);
    const s = await stats();
    assert.equal(s.uploads, 1);
    assert.equal(s.openUploads, 1);
    assert.equal(s.documents, 0);
  });

  it('other statuses: 429 rate_limited with Retry-After, 500 internal_error', async () => {
    await faults({ failRate: 1, failStatus: 429 });
    const r = await api.get('/me', M);
    problem(r, 429, 'rate_limited');
    assert.equal(r.headers.get('retry-after'), '1');
    // 429 comes before 401.
    problem(await api.get('/me'), 429, 'rate_limited');
    problem(await api.get('/me', 'bogus'), 429, 'rate_limited');

    await faults({ failRate: 1, failStatus: 429, retryAfter: 30 });
    assert.equal((await api.get('/me', M)).headers.get('retry-after'), '30');

    await faults({ failRate: 1, failStatus: 500 });
    problem(await api.get('/me', M), 500, 'internal_error');
  });

  it('is deterministic for a seed: the same 50 requests pass and fail alike after two resets', async () => {
    const run = async (seed: number) => {
      await api.reset();
      await faults({ failRate: 0.5, seed });
      const out: number[] = [];
      for (let i = 0; i < 50; i++) out.push((await api.get('/me', M)).status);
      return out;
    };
    const a = await run(42);
    const b = await run(42);
    assert.deepEqual(a, b);
    assert.ok(a.includes(200) && a.includes(503), a.join(','));
    assert.deepEqual([...new Set(a)].sort(), [200, 503]);
    // Another seed, another sequence.
    assert.notDeepEqual(await run(43), a);
    // Setting the faults again restarts the sequence.
    await faults({ failRate: 0.5, seed: 42 });
    const c: number[] = [];
    for (let i = 0; i < 50; i++) c.push((await api.get('/me', M)).status);
    assert.deepEqual(c, a);
  });

  it('latencyMs delays every API request', async () => {
    await faults({ latencyMs: 150 });
    for (const call of [() => api.get('/me', M), () => api.get('/documents', M), () => api.get('/me')]) {
      const t0 = performance.now();
      const r = await call();
      const elapsed = performance.now() - t0;
      assert.ok(r.status === 200 || r.status === 401);
      // Timers count whole milliseconds: allow the one that rounding can take off.
      assert.ok(elapsed >= 150 - 1, `${elapsed.toFixed(1)} ms`);
    }
  });

  it('dropAfterBytes with failRate 1 cuts a PATCH mid-body; the upload offset stays', async () => {
    const bytes = makePaddedPdf(300_000, 'Gross', 0x25);
    const c = await createUpload('Gross.pdf', bytes.length);
    assert.equal(c.status, 201);
    await faults({ failRate: 1, dropAfterBytes: 1024 });
    const before = await stats();
    await assert.rejects(api.call('PATCH', `/uploads/${c.body.id}`, { token: M, body: bytes, headers: chunkHeaders(0) }));
    // A request whose body is no longer than dropAfterBytes gets the failure status instead.
    problem(await patchChunk(c.body.id, 0, bytes.subarray(0, 1024)), 503, 'service_unavailable');
    problem(await api.get('/me', M), 503, 'service_unavailable');
    const after = await stats();
    assert.equal(after.requests, before.requests + 3);
    const cut = after.bytesReceived - before.bytesReceived - 1024;
    assert.ok(cut > 0 && cut <= 1024, `${cut} bytes of the cut request counted`);

    await faults({});
    const status = await api.get(`/uploads/${c.body.id}`, M);
    assert.equal(status.status, 200);
    assert.equal(status.body.offset, 0);
    // Nothing of it was kept: the upload resumes from 0 and comes out byte-exact.
    assert.equal((await patchChunk(c.body.id, 0, bytes)).status, 204);
    const doc = await api.post('/documents', commitBody(c.body.id, 'Gross'), M);
    assert.equal(doc.status, 201);
    assert.equal(doc.body.sha256, sha(bytes));
  });

  it('loseResponseRate 1: a commit takes effect but its answer is lost; a retry with the same Idempotency-Key answers 201 with the same document', async () => {
    const id = await uploaded('Hausordnung.pdf', makePdf('Hausordnung'));
    await faults({ loseResponseRate: 1 });
    await assert.rejects(api.post('/documents', commitBody(id), M, { 'Idempotency-Key': 'lost-1' }));
    await faults({});
    assert.equal((await stats()).documents, 1);
    const added = (await docIds()).filter((d) => !FIXTURE_DOCS.includes(d));
    assert.equal(added.length, 1);

    const retry = await api.post('/documents', commitBody(id), M, { 'Idempotency-Key': 'lost-1' });
    assert.equal(retry.status, 201);
    assert.equal(retry.body.id, added[0]);
    assert.equal(retry.body.title, 'Hausordnung');
    assert.equal((await stats()).documents, 1);
    // Without the key, the retry is the conflict the key exists to avoid.
    problem(await api.post('/documents', commitBody(id), M), 409, 'conflict');
    assert.equal((await stats()).documents, 1);
    assert.equal((await docIds()).length, FIXTURE_DOCS.length + 1);
  });

  it('loseResponseRate 1 on a PATCH: the bytes are written though the answer is lost', async () => {
    const bytes = makePdf('Verloren');
    const c = await createUpload('Verloren.pdf', bytes.length);
    await faults({ loseResponseRate: 1 });
    await assert.rejects(patchChunk(c.body.id, 0, bytes));
    await faults({});
    assert.equal((await api.get(`/uploads/${c.body.id}`, M)).body.offset, bytes.length);
    // The client's re-send learns the offset from the 409.
    const again = await patchChunk(c.body.id, 0, bytes);
    problem(again, 409, 'offset_mismatch');
    assert.equal(again.body.offset, bytes.length);
  });

  it('{} clears the faults', async () => {
    await faults({ failRate: 1, latencyMs: 10, loseResponseRate: 1, dropAfterBytes: 0 });
    problem(await api.get('/me', M), 503, 'service_unavailable');
    const cleared = await faults({});
    assert.deepEqual(cleared.body, {});
    for (let i = 0; i < 5; i++) assert.equal((await api.get('/me', M)).status, 200);
    const id = await uploaded('a.pdf', makePdf('a'));
    assert.equal((await api.post('/documents', commitBody(id), M)).status, 201);
  });

  it('refuses bad settings with 422 and keeps the old ones', async () => {
    await faults({ failRate: 1, failStatus: 429 });
    for (const body of [{ failRate: 2 }, { failRate: -0.1 }, { failStatus: 200 }, { latencyMs: -1 }, { loseResponseRate: 'often' }, { dropAfterBytes: 1.5 }])
      problem(await api.control('POST', '/faults', body), 422, 'validation_failed');
    problem(await api.get('/me', M), 429, 'rate_limited');
  });
});

describe('/__mock endpoints', () => {
  it('need no token, ignore faults and are not counted as API requests', async () => {
    await faults({ failRate: 1, latencyMs: 0 });
    const s = await api.control('GET', '/stats');
    assert.equal(s.status, 200);
    assert.equal((await api.control('POST', '/clock', { now: '2026-11-27T10:00:00Z' })).status, 200);
    assert.equal((await api.control('POST', '/clock', { now: null })).status, 200);
    const d = await fetch(`${api.url}/__mock/discard`, { method: 'PUT', body: new Uint8Array(1000) });
    assert.equal(d.status, 204);
    assert.equal((await faults({ failRate: 1 })).status, 200);
    assert.deepEqual(await stats(), s.body);
    assert.deepEqual(s.body, { requests: 0, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });
    const r = await api.control('POST', '/reset', {});
    assert.equal(r.status, 200);
    assert.equal((await api.get('/me', M)).status, 200);
  });

  it('PUT /__mock/discard reads the whole body and answers 204', async () => {
    const body = new Uint8Array(8 * 1024 * 1024).fill(7);
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${api.url}/__mock/discard`, { method: 'PUT', body, headers: { 'Content-Type': 'application/octet-stream' } });
      assert.equal(r.status, 204);
      assert.equal((await r.arrayBuffer()).byteLength, 0);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
    }
    // An empty body too.
    assert.equal((await fetch(`${api.url}/__mock/discard`, { method: 'PUT' })).status, 204);
    // The server is fine afterwards, and discarded bytes are not API traffic.
    assert.equal((await api.get('/me', M)).status, 200);
    const s = await stats();
    assert.equal(s.requests, 1);
    assert.equal(s.bytesReceived, 0);
  });

  it('GET /__mock/stats counts requests, body bytes, documents, uploads and open uploads', async () => {
    assert.deepEqual(await stats(), { requests: 0, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });
    assert.equal((await api.get('/me', M)).status, 200);
    assert.deepEqual(await stats(), { requests: 1, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });

    const bytes = makePdf('Zähler');
    const create = { fileName: 'Zähler.pdf', size: bytes.length, mimeType: 'application/pdf' };
    const c = await api.post('/uploads', create, M);
    let expected = { requests: 2, bytesReceived: jsonBytes(create), documents: 0, uploads: 1, openUploads: 1 };
    assert.deepEqual(await stats(), expected);

    await patchChunk(c.body.id, 0, bytes.subarray(0, 100));
    await patchChunk(c.body.id, 0, bytes.subarray(0, 100)); // a replay: refused, but its bytes arrived
    await patchChunk(c.body.id, 100, bytes.subarray(100));
    expected = { ...expected, requests: 5, bytesReceived: expected.bytesReceived + 100 + bytes.length };
    assert.deepEqual(await stats(), expected);

    // Refused and unknown requests count as requests too.
    assert.equal((await api.get('/me')).status, 401);
    assert.equal((await api.get('/no-such-endpoint', M)).status, 404);
    expected = { ...expected, requests: 7 };
    assert.deepEqual(await stats(), expected);

    const commit = commitBody(c.body.id, 'Zähler');
    assert.equal((await api.post('/documents', commit, M)).status, 201);
    expected = { ...expected, requests: 8, bytesReceived: expected.bytesReceived + jsonBytes(commit), documents: 1, openUploads: 0 };
    assert.deepEqual(await stats(), expected);

    const create2 = { fileName: 'Abbruch.pdf', size: 10, mimeType: '' };
    const c2 = await api.post('/uploads', create2, M);
    expected = { ...expected, requests: 9, bytesReceived: expected.bytesReceived + jsonBytes(create2), uploads: 2, openUploads: 1 };
    assert.deepEqual(await stats(), expected);
    assert.equal((await api.del(`/uploads/${c2.body.id}`, M)).status, 204);
    expected = { ...expected, requests: 10, openUploads: 0 };
    assert.deepEqual(await stats(), expected);

    // Deleting a document does not lower the count of documents created.
    const created = (await docIds()).filter((d) => !FIXTURE_DOCS.includes(d));
    assert.equal((await api.del(`/documents/${created[0]}`, M)).status, 204);
    assert.deepEqual(await stats(), { ...expected, requests: 12 });

    await api.reset();
    assert.deepEqual(await stats(), { requests: 0, bytesReceived: 0, documents: 0, uploads: 0, openUploads: 0 });
  });
});

describe('CORS', () => {
  const ALLOW_HEADERS = ['authorization', 'content-type', 'upload-offset', 'idempotency-key', 'if-match'];
  const EXPOSE = ['upload-offset', 'etag', 'content-disposition', 'retry-after', 'location'];
  const list = (h: string | null) => (h ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

  it('answers preflights with 204, any origin, the allowed headers and Max-Age 600', async () => {
    for (const path of ['/api/v1/uploads/abc', '/api/v1/documents', '/api/v1/no-such-endpoint']) {
      const r = await fetch(`${api.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,upload-offset,content-type' },
      });
      assert.equal(r.status, 204, path);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      const allowed = list(r.headers.get('access-control-allow-headers'));
      for (const h of ALLOW_HEADERS) assert.ok(allowed.includes(h), `${path}: ${h} not in ${allowed}`);
      assert.equal(r.headers.get('access-control-max-age'), '600');
      const methods = list(r.headers.get('access-control-allow-methods'));
      for (const m of ['get', 'post', 'patch', 'put', 'delete']) assert.ok(methods.includes(m), `${path}: ${m}`);
      assert.equal((await r.arrayBuffer()).byteLength, 0);
    }
    // Preflights are not API requests and ignore faults.
    await faults({ failRate: 1 });
    assert.equal((await fetch(`${api.url}/api/v1/me`, { method: 'OPTIONS' })).status, 204);
    await faults({});
    assert.equal((await stats()).requests, 0);
  });

  it('every answer allows any origin and exposes Upload-Offset, ETag, Content-Disposition, Retry-After, Location', async () => {
    const check = (r: Answer, what: string) => {
      assert.equal(r.headers.get('access-control-allow-origin'), '*', what);
      const exposed = list(r.headers.get('access-control-expose-headers'));
      for (const h of EXPOSE) assert.ok(exposed.includes(h), `${what}: ${h} not in ${exposed}`);
    };
    check(await api.get('/me', M), 'GET /me');
    check(await api.get('/me'), '401');
    check(await api.get('/no-such-endpoint', M), '404');
    check(await api.get(`/documents/${FIXTURE_DOCS[0]}`, M), 'GET /documents/{id}');
    check(await api.get(`/documents/${FIXTURE_DOCS[0]}/content`, M), 'content');
    const c = await createUpload('a.pdf', 10);
    check(c, 'POST /uploads');
    check(await patchChunk(c.body.id, 0, new Uint8Array(5)), 'PATCH');
    check(await api.control('GET', '/stats'), '/__mock/stats');
    await faults({ failRate: 1, failStatus: 429 });
    check(await api.get('/me', M), '429');
  });
});

describe('unknown routes', () => {
  it('an unknown /api/v1 route → 404 problem+json, with or without a token', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-endpoint'],
      ['POST', '/no-such-endpoint'],
      ['GET', '/documents/energieausweis-rosenweg-24/nope'],
      ['PUT', '/me'],
      ['DELETE', '/properties'],
      ['PATCH', '/uploads'],
      ['GET', '/uploads'],
    ] as const) {
      for (const token of [M, undefined]) {
        const r = await api.call(method, path, { token, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
        problem(r, 404, 'not_found');
      }
    }
    const bare = await fetch(`${api.url}/api/v1`, { headers: { Authorization: 'Bearer manager' } });
    assert.equal(bare.status, 404);
    assert.match(bare.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await bare.json()).code, 'not_found');
  });
});
