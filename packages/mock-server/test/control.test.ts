/**
 * The mock-only control endpoints over real HTTP against the standalone server: reset (fixtures
 * and the large data set), the clock, discard, stats, CORS and unknown routes. Faults are in
 * faults.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { problem, type Answer } from './helpers.ts';
import {
  api,
  M,
  FIXTURE_DOCS,
  jsonBytes,
  stats,
  faults,
  docIds,
  typeNames,
  createUpload,
  patchChunk,
  commitBody,
  uploaded,
} from './control-setup.ts';

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
    assert.deepEqual(await stats(), {
      requests: 5,
      bytesReceived: 0,
      documents: 0,
      uploads: 0,
      openUploads: 0,
    });
    // The clock is free again: a new upload expires a day from now, not from 2030.
    const t0 = Date.now();
    const u = await createUpload('c.pdf', 10);
    const expires = Date.parse(u.body.expiresAt);
    assert.ok(
      expires >= t0 + 86_400_000 - 1000 && expires <= Date.now() + 86_400_000 + 1000,
      u.body.expiresAt,
    );
  });

  it('works with an empty JSON body, refuses a bad one with 422 and one that is not JSON with 415', async () => {
    assert.equal((await api.post('/document-types', { name: 'Neu' }, M)).status, 201);
    const r = await api.control('POST', '/reset');
    assert.equal(r.status, 200);
    assert.equal(r.body.dataset, 'fixtures');
    assert.ok(!(await typeNames()).includes('Neu'));
    problem(await api.control('POST', '/reset', { dataset: 'huge' }), 422, 'validation_failed');
    problem(await api.control('POST', '/reset', { seed: 1.5 }), 422, 'validation_failed');
    const bad = await fetch(`${api.url}/__mock/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"dataset":',
    });
    assert.equal(bad.status, 400);
    // A form post or a bare POST needs no preflight: refused, and nothing is reset.
    assert.equal((await api.post('/document-types', { name: 'Bleibt' }, M)).status, 201);
    for (const headers of [
      {},
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    ] as Array<Record<string, string>>) {
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
    for (const id of ['rosenweg-24', 'max-planck-12'])
      assert.ok(
        props.some((p) => p.id === id),
        id,
      );

    const types = (await api.get('/document-types', M)).body.items as Array<{
      id: string;
      parentId: string | null;
      subtreeCount: number;
      documentCount: number;
    }>;
    const byId = new Map(types.map((t) => [t.id, t]));
    const depth = (t: { parentId: string | null }): number =>
      t.parentId === null ? 1 : 1 + depth(byId.get(t.parentId)!);
    assert.equal(Math.max(...types.map(depth)), 5);
    for (const id of [
      'objektunterlagen',
      'plaene',
      'energieausweis',
      'bedienungsanleitungen',
      'abrechnungen',
      'protokolle',
      'eigentuemerversammlungen',
    ])
      assert.ok(byId.has(id), id);
    const total = types.filter((t) => t.parentId === null).reduce((n, t) => n + t.subtreeCount, 0);
    assert.equal(
      total,
      types.reduce((n, t) => n + t.documentCount, 0),
    );
    assert.ok(total >= 50_000, `${total} documents`);

    const estateTypes = (await api.get('/document-types?scope=property:grosssiedlung', M)).body
      .items as Array<{ parentId: string | null; subtreeCount: number }>;
    const estateDocs = estateTypes.filter((t) => t.parentId === null).reduce((n, t) => n + t.subtreeCount, 0);
    assert.ok(estateDocs >= 20_000, `${estateDocs} estate documents`);

    const everyone = await api.post(
      '/recipients/resolve',
      {
        scope: { kind: 'property', id: 'grosssiedlung' },
        targets: [{ kind: 'property', propertyId: 'grosssiedlung', roles: ['tenant', 'owner'] }],
      },
      M,
    );
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
    for (const now of ['tomorrow', '2026-11-27', 12345])
      problem(await api.control('POST', '/clock', { now }), 422, 'validation_failed');
    problem(await api.control('POST', '/clock', {}), 422, 'validation_failed');
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
      const r = await fetch(`${api.url}/__mock/discard`, {
        method: 'PUT',
        body,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
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
    assert.deepEqual(await stats(), {
      requests: 0,
      bytesReceived: 0,
      documents: 0,
      uploads: 0,
      openUploads: 0,
    });
    assert.equal((await api.get('/me', M)).status, 200);
    assert.deepEqual(await stats(), {
      requests: 1,
      bytesReceived: 0,
      documents: 0,
      uploads: 0,
      openUploads: 0,
    });

    const bytes = makePdf('Zähler');
    const create = { fileName: 'Zähler.pdf', size: bytes.length, mimeType: 'application/pdf' };
    const c = await api.post('/uploads', create, M);
    let expected = {
      requests: 2,
      bytesReceived: jsonBytes(create),
      documents: 0,
      uploads: 1,
      openUploads: 1,
    };
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
    expected = {
      ...expected,
      requests: 8,
      bytesReceived: expected.bytesReceived + jsonBytes(commit),
      documents: 1,
      openUploads: 0,
    };
    assert.deepEqual(await stats(), expected);

    const create2 = { fileName: 'Abbruch.pdf', size: 10, mimeType: '' };
    const c2 = await api.post('/uploads', create2, M);
    expected = {
      ...expected,
      requests: 9,
      bytesReceived: expected.bytesReceived + jsonBytes(create2),
      uploads: 2,
      openUploads: 1,
    };
    assert.deepEqual(await stats(), expected);
    assert.equal((await api.del(`/uploads/${c2.body.id}`, M)).status, 204);
    expected = { ...expected, requests: 10, openUploads: 0 };
    assert.deepEqual(await stats(), expected);

    // Deleting a document does not lower the count of documents created.
    const created = (await docIds()).filter((d) => !FIXTURE_DOCS.includes(d));
    assert.equal((await api.del(`/documents/${created[0]}`, M)).status, 204);
    assert.deepEqual(await stats(), { ...expected, requests: 12 });

    await api.reset();
    assert.deepEqual(await stats(), {
      requests: 0,
      bytesReceived: 0,
      documents: 0,
      uploads: 0,
      openUploads: 0,
    });
  });
});

describe('CORS', () => {
  const ALLOW_HEADERS = ['authorization', 'content-type', 'upload-offset', 'idempotency-key', 'if-match'];
  const EXPOSE = ['upload-offset', 'etag', 'content-disposition', 'retry-after', 'location'];
  const list = (h: string | null) =>
    (h ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);

  it('answers preflights with 204, any origin, the allowed headers and Max-Age 600', async () => {
    for (const path of ['/api/v1/uploads/abc', '/api/v1/documents', '/api/v1/no-such-endpoint']) {
      const r = await fetch(`${api.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://portal.example',
          'Access-Control-Request-Method': 'PATCH',
          'Access-Control-Request-Headers': 'authorization,upload-offset,content-type',
        },
      });
      assert.equal(r.status, 204, path);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
      const allowed = list(r.headers.get('access-control-allow-headers'));
      for (const h of ALLOW_HEADERS) assert.ok(allowed.includes(h), `${path}: ${h} not in ${allowed}`);
      assert.equal(r.headers.get('access-control-max-age'), '600');
      const methods = list(r.headers.get('access-control-allow-methods'));
      for (const m of ['get', 'post', 'patch', 'put', 'delete'])
        assert.ok(methods.includes(m), `${path}: ${m}`);
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
        const r = await api.call(method, path, {
          token,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
        });
        problem(r, 404, 'not_found');
      }
    }
    const bare = await fetch(`${api.url}/api/v1`, { headers: { Authorization: 'Bearer manager' } });
    assert.equal(bare.status, 404);
    assert.match(bare.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await bare.json()).code, 'not_found');
  });
});
