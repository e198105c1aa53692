/**
 * Fault injection over real HTTP against the standalone server: failures, latency, cut
 * connections, lost answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { problem } from './helpers.ts';
import { makePaddedPdf } from '../src/testing.ts';
import {
  api,
  M,
  FIXTURE_DOCS,
  sha,
  stats,
  faults,
  docIds,
  typeNames,
  chunkHeaders,
  createUpload,
  patchChunk,
  commitBody,
  uploaded,
} from './control-setup.ts';

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
    await assert.rejects(
      api.call('PATCH', `/uploads/${c.body.id}`, { token: M, body: bytes, headers: chunkHeaders(0) }),
    );
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
    for (const body of [
      { failRate: 2 },
      { failRate: -0.1 },
      { failStatus: 200 },
      { latencyMs: -1 },
      { loseResponseRate: 'often' },
      { dropAfterBytes: 1.5 },
    ])
      problem(await api.control('POST', '/faults', body), 422, 'validation_failed');
    problem(await api.get('/me', M), 429, 'rate_limited');
  });
});
