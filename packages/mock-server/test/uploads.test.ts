/**
 * Upload sessions over real HTTP: opening (with Idempotency-Key), PATCH chunks, status and deletion.
 * Commits are in uploads-commit.test.ts and uploads-commit-rules.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf, makePng } from '../src/fixtures/files.ts';
import { problem } from './helpers.ts';
import {
  api,
  M,
  MAX,
  ROSENWEG,
  PDF_TYPE,
  DOCX_TYPE,
  sha,
  paths,
  stats,
  createUpload,
  patchChunk,
  getUpload,
  uploaded,
  commit,
} from './uploads-setup.ts';

describe('POST /uploads', () => {
  it('opens a session: 201 { id, offset 0, size, chunkSize, expiresAt }', async () => {
    const before = Date.now();
    const r = await createUpload('Hausordnung.pdf', 12_345);
    assert.equal(r.status, 201);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const { id, offset, size, chunkSize, expiresAt } = r.body;
    assert.equal(typeof id, 'string');
    assert.ok(id.length > 0);
    assert.equal(offset, 0);
    assert.equal(size, 12_345);
    assert.ok(
      Number.isInteger(chunkSize) && chunkSize > 0 && chunkSize <= 64 * 1024 * 1024,
      `chunkSize ${chunkSize}`,
    );
    assert.match(expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.ok(Date.parse(expiresAt) > before);
    const s = await stats();
    assert.equal(s.uploads, 1);
    assert.equal(s.openUploads, 1);
    const g = await getUpload(id);
    assert.deepEqual({ ...g.body }, { id, offset: 0, size: 12_345, expiresAt });
  });

  it('gives every session its own id', async () => {
    const a = await createUpload('a.pdf', 10);
    const b = await createUpload('a.pdf', 10);
    assert.notEqual(a.body.id, b.body.id);
    assert.equal((await stats()).openUploads, 2);
  });

  it('accepts exactly 52,428,800 bytes and refuses one more with 413 file_too_large', async () => {
    const ok = await createUpload('gross.pdf', MAX);
    assert.equal(ok.status, 201);
    assert.equal(ok.body.size, MAX);
    problem(await createUpload('zu-gross.pdf', MAX + 1), 413, 'file_too_large');
    problem(await createUpload('riesig.pdf', 10 * MAX), 413, 'file_too_large');
    const s = await stats();
    assert.equal(s.uploads, 1);
    assert.equal(s.openUploads, 1);
  });

  it('refuses size 0 (and other impossible sizes) with 422 naming size', async () => {
    for (const size of [0, -1, 1.5, '10', null]) {
      const r = await api.post('/uploads', { fileName: 'leer.pdf', size, mimeType: PDF_TYPE }, M);
      problem(r, 422, 'validation_failed');
      assert.deepEqual(paths(r), ['size'], JSON.stringify(size));
    }
    const r = await api.post('/uploads', { size: 10, mimeType: PDF_TYPE }, M);
    problem(r, 422, 'validation_failed');
    assert.deepEqual(paths(r), ['fileName']);
    assert.equal((await stats()).uploads, 0);
  });

  it('refuses a name that is not PDF/DOC/DOCX/JPEG/PNG with 415', async () => {
    for (const [name, type] of [
      ['setup.exe', PDF_TYPE],
      ['notes.txt', ''],
      ['bild.gif', ''],
      ['logo.svg', 'image/svg+xml'],
      ['Hausordnung', PDF_TYPE],
      ['rechnung.pdf.exe', PDF_TYPE],
      ['Rechnung\u202Efdp.exe', PDF_TYPE],
    ] as const)
      problem(await createUpload(name, 100, type), 415, 'unsupported_file_type');
    const s = await stats();
    assert.equal(s.uploads, 0);
    assert.equal(s.openUploads, 0);
  });

  it('refuses a declared type that is not allowed, or disagrees with the name, with 415', async () => {
    for (const [name, type] of [
      ['seite.pdf', 'text/html'],
      ['logo.png', 'image/svg+xml'],
      ['bild.jpg', 'image/gif'],
      ['a.pdf', 'image/png'],
      ['a.png', 'image/jpeg'],
      ['a.doc', DOCX_TYPE],
      ['a.docx', 'application/msword'],
      ['a.jpg', PDF_TYPE],
    ] as const)
      problem(await createUpload(name, 100, type), 415, 'unsupported_file_type');
    const s = await stats();
    assert.equal(s.uploads, 0);
    assert.equal(s.openUploads, 0);
  });

  it("accepts image/jpg as image/jpeg, and '' or application/octet-stream as no declared type", async () => {
    for (const [name, type] of [
      ['foto.jpg', 'image/jpg'],
      ['foto.jpeg', 'image/jpg'],
      ['foto.JPG', 'image/jpeg'],
      ['Hausordnung.pdf', ''],
      ['Plan.png', ''],
      ['Vertrag.docx', ''],
      ['Alt.doc', 'application/octet-stream'],
      ['Hausordnung.pdf', 'application/pdf; charset=binary'],
    ] as const)
      assert.equal((await createUpload(name, 100, type)).status, 201, `${name} ${type}`);
    assert.equal((await stats()).uploads, 8);
  });

  it('malformed JSON or a wrong content type → 400 bad_request, nothing opened', async () => {
    problem(
      await api.post('/uploads', '{"fileName":"a.pdf","size":', M, { 'Content-Type': 'application/json' }),
      400,
      'bad_request',
    );
    problem(
      await api.post('/uploads', JSON.stringify({ fileName: 'a.pdf', size: 1, mimeType: PDF_TYPE }), M, {
        'Content-Type': 'text/plain',
      }),
      400,
      'bad_request',
    );
    problem(
      await api.post('/uploads', JSON.stringify({ fileName: 'a.pdf', size: 1, mimeType: PDF_TYPE }), M, {
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      400,
      'bad_request',
    );
    // 400 comes before 413/415/422.
    problem(
      await api.post('/uploads', '{"size": 0', M, { 'Content-Type': 'application/json' }),
      400,
      'bad_request',
    );
    const s = await stats();
    assert.equal(s.uploads, 0);
    assert.equal(s.openUploads, 0);
  });
});

describe('PATCH /uploads/{id}', () => {
  it('appends chunks and answers 204 with the new Upload-Offset', async () => {
    const bytes = makePdf('Chunks');
    const { body } = await createUpload('Chunks.pdf', bytes.length);
    const a = await patchChunk(body.id, 0, bytes.subarray(0, 100));
    assert.equal(a.status, 204);
    assert.equal(a.headers.get('upload-offset'), '100');
    assert.equal(a.bytes.length, 0);
    assert.equal((await getUpload(body.id)).body.offset, 100);
    const b = await patchChunk(body.id, 100, bytes.subarray(100));
    assert.equal(b.status, 204);
    assert.equal(b.headers.get('upload-offset'), String(bytes.length));
    assert.equal((await getUpload(body.id)).body.offset, bytes.length);
  });

  it('an empty chunk at the right offset changes nothing', async () => {
    const { body } = await createUpload('a.pdf', 50);
    await patchChunk(body.id, 0, new Uint8Array(20));
    const r = await patchChunk(body.id, 20, new Uint8Array());
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('upload-offset'), '20');
    assert.equal((await getUpload(body.id)).body.offset, 20);
  });

  it('a wrong Content-Type → 400, nothing written', async () => {
    const { body } = await createUpload('a.pdf', 50);
    for (const type of ['application/octet-stream', 'application/json', 'text/plain'])
      problem(await patchChunk(body.id, 0, new Uint8Array(10), type), 400, 'bad_request');
    // No Content-Type at all.
    problem(
      await api.call('PATCH', `/uploads/${body.id}`, {
        token: M,
        body: new Uint8Array(10),
        headers: { 'Upload-Offset': '0' },
      }),
      400,
      'bad_request',
    );
    assert.equal((await getUpload(body.id)).body.offset, 0);
    // With parameters it is still the right type.
    assert.equal(
      (await patchChunk(body.id, 0, new Uint8Array(10), 'application/offset+octet-stream; charset=binary'))
        .status,
      204,
    );
  });

  it('a missing or invalid Upload-Offset → 400, nothing written', async () => {
    const { body } = await createUpload('a.pdf', 50);
    for (const offset of [undefined, '', 'abc', '-1', '1.5', '0x0', '1e1', '10 10'])
      problem(await patchChunk(body.id, offset, new Uint8Array(10)), 400, 'bad_request');
    assert.equal((await getUpload(body.id)).body.offset, 0);
  });

  it('a wrong offset → 409 offset_mismatch with the server offset, nothing written', async () => {
    const bytes = makePdf('Offsets');
    const { body } = await createUpload('Offsets.pdf', bytes.length);
    assert.equal((await patchChunk(body.id, 0, bytes.subarray(0, 200))).status, 204);
    for (const offset of [0, 100, 199, 201, bytes.length - 50]) {
      const r = await patchChunk(body.id, offset, bytes.subarray(offset, offset + 50));
      problem(r, 409, 'offset_mismatch');
      assert.equal(r.body.offset, 200, `offset ${offset}`);
      assert.equal((await getUpload(body.id)).body.offset, 200);
    }
    // Nothing of the refused chunks was kept: the file comes out byte-exact.
    assert.equal((await patchChunk(body.id, 200, bytes.subarray(200))).status, 204);
    const doc = await commit({ uploadId: body.id, title: 'Offsets' });
    assert.equal(doc.status, 201);
    assert.equal(doc.body.sha256, sha(bytes));
    assert.deepEqual((await api.get(`/documents/${doc.body.id}/content`, M)).bytes, bytes);
  });

  it('replayed chunks (a client that re-sends after a lost answer) are refused and not duplicated', async () => {
    const bytes = makePng(64, 64);
    const { body } = await createUpload('Plan.png', bytes.length, 'image/png');
    const chunk = 1000;
    for (let o = 0; o < bytes.length; o += chunk) {
      assert.equal((await patchChunk(body.id, o, bytes.subarray(o, o + chunk))).status, 204);
      // The same chunk again, as if its answer had been lost.
      const replay = await patchChunk(body.id, o, bytes.subarray(o, o + chunk));
      problem(replay, 409, 'offset_mismatch');
      assert.equal(replay.body.offset, Math.min(o + chunk, bytes.length));
    }
    assert.equal((await getUpload(body.id)).body.offset, bytes.length);
    const doc = await commit({ uploadId: body.id, title: 'Plan' });
    assert.equal(doc.status, 201);
    assert.equal(doc.body.size, bytes.length);
    assert.equal(doc.body.sha256, sha(bytes));
  });

  it('bytes past the declared size → 422, nothing written', async () => {
    const { body } = await createUpload('a.pdf', 100);
    problem(await patchChunk(body.id, 0, new Uint8Array(101)), 422, 'validation_failed');
    assert.equal((await getUpload(body.id)).body.offset, 0);
    assert.equal((await patchChunk(body.id, 0, new Uint8Array(60))).status, 204);
    problem(await patchChunk(body.id, 60, new Uint8Array(41)), 422, 'validation_failed');
    assert.equal((await getUpload(body.id)).body.offset, 60);
    const last = await patchChunk(body.id, 60, new Uint8Array(40));
    assert.equal(last.status, 204);
    assert.equal(last.headers.get('upload-offset'), '100');
    // A complete upload takes no more.
    problem(await patchChunk(body.id, 100, new Uint8Array(1)), 422, 'validation_failed');
    assert.equal((await getUpload(body.id)).body.offset, 100);
  });

  it('an unknown upload id → 404', async () => {
    problem(await patchChunk('no-such-upload', 0, new Uint8Array(10)), 404, 'not_found');
  });

  it('a committed upload takes no more bytes', async () => {
    const bytes = makePdf('x');
    const id = await uploaded('x.pdf', bytes);
    assert.equal((await commit({ uploadId: id })).status, 201);
    problem(await patchChunk(id, bytes.length, new Uint8Array()), 409, 'conflict');
    problem(await patchChunk(id, 0, bytes), 409, 'conflict');
    problem(await patchChunk(id, bytes.length, new Uint8Array(1)), 422, 'validation_failed');
  });

  it('checks run in the contract order: 400, then 422, then 404/409', async () => {
    const { body } = await createUpload('a.pdf', 100);
    assert.equal((await patchChunk(body.id, 0, new Uint8Array(60))).status, 204);
    // Bytes past the size from the offset the client names: 422, even though the offset is wrong too.
    problem(await patchChunk(body.id, 0, new Uint8Array(101)), 422, 'validation_failed');
    problem(await patchChunk(body.id, 80, new Uint8Array(30)), 422, 'validation_failed');
    // A replayed chunk that fits the size is an offset mismatch, so the client learns where to resume.
    const replay = await patchChunk(body.id, 0, new Uint8Array(60));
    problem(replay, 409, 'offset_mismatch');
    assert.equal(replay.body.offset, 60);
    // A bad header beats an unknown id; 403 beats everything but 401.
    problem(await patchChunk('no-such-upload', 'x', new Uint8Array(1)), 400, 'bad_request');
    problem(await patchChunk('no-such-upload', 0, new Uint8Array(1), 'text/plain'), 400, 'bad_request');
    problem(
      await api.call('PATCH', `/uploads/${body.id}`, {
        token: 'contact:kristina-maiblume',
        body: new Uint8Array(40),
        headers: { 'Upload-Offset': '60', 'Content-Type': 'application/offset+octet-stream' },
      }),
      403,
      'forbidden',
    );
    problem(
      await api.call('PATCH', `/uploads/${body.id}`, {
        body: new Uint8Array(40),
        headers: { 'Upload-Offset': '60', 'Content-Type': 'application/offset+octet-stream' },
      }),
      401,
      'unauthorized',
    );
    assert.equal((await getUpload(body.id)).body.offset, 60);
  });
});

describe('GET and DELETE /uploads/{id}', () => {
  it('GET tells how far the server got', async () => {
    const { body } = await createUpload('a.pdf', 1000);
    await patchChunk(body.id, 0, new Uint8Array(300));
    const r = await getUpload(body.id);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, body.id);
    assert.equal(r.body.offset, 300);
    assert.equal(r.body.size, 1000);
    assert.equal(r.body.expiresAt, body.expiresAt);
    problem(await getUpload('no-such-upload'), 404, 'not_found');
  });

  it('DELETE aborts: 204, then the session is gone everywhere', async () => {
    const bytes = makePdf('Abbruch');
    const { body } = await createUpload('Abbruch.pdf', bytes.length);
    await patchChunk(body.id, 0, bytes);
    assert.equal((await stats()).openUploads, 1);
    const d = await api.del(`/uploads/${body.id}`, M);
    assert.equal(d.status, 204);
    assert.equal(d.bytes.length, 0);
    const s = await stats();
    assert.equal(s.openUploads, 0);
    assert.equal(s.uploads, 1);
    problem(await getUpload(body.id), 404, 'not_found');
    problem(await patchChunk(body.id, bytes.length, new Uint8Array(1)), 404, 'not_found');
    problem(await api.del(`/uploads/${body.id}`, M), 404, 'not_found');
    const c = await commit({ uploadId: body.id });
    problem(c, 422, 'validation_failed');
    assert.deepEqual(paths(c), ['uploadId']);
    assert.equal((await stats()).documents, 0);
  });

  it('DELETE of an unknown id → 404; of a committed upload → 409 and the document stays', async () => {
    problem(await api.del('/uploads/no-such-upload', M), 404, 'not_found');
    const id = await uploaded('x.pdf', makePdf('x'));
    const doc = await commit({ uploadId: id });
    assert.equal(doc.status, 201);
    problem(await api.del(`/uploads/${id}`, M), 409, 'conflict');
    assert.equal((await api.get(`/documents/${doc.body.id}`, M)).status, 200);
  });
});

describe('Idempotency-Key on POST /uploads', () => {
  it('opens one session per key: a replay answers the same session, another body is 409', async () => {
    // Arrange
    const body = { fileName: 'Plan.pdf', size: 100, mimeType: PDF_TYPE };
    const headers = { 'Idempotency-Key': 'open-plan-1' };
    // Act
    const first = await api.post('/uploads', body, M, headers);
    const replay = await api.post('/uploads', body, M, headers);
    const other = await api.post('/uploads', { ...body, size: 101 }, M, headers);
    // Assert
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    problem(other, 409, 'conflict');
    const s = await stats();
    assert.equal(s.uploads, 1);
    assert.equal(s.openUploads, 1);
  });

  it('keeps upload keys apart from commit keys', async () => {
    const key = { 'Idempotency-Key': 'shared-key' };
    const bytes = makePdf('Getrennt');
    const created = await api.post(
      '/uploads',
      { fileName: 'Getrennt.pdf', size: bytes.length, mimeType: PDF_TYPE },
      M,
      key,
    );
    assert.equal(created.status, 201);
    const patched = await api.call('PATCH', `/uploads/${created.body.id}`, {
      token: M,
      body: bytes,
      headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
    });
    assert.equal(patched.status, 204);
    const doc = await api.post(
      '/documents',
      { uploadId: created.body.id, title: 'Getrennt', documentTypeId: 'plaene', scope: ROSENWEG, shares: [] },
      M,
      key,
    );
    assert.equal(doc.status, 201);
  });
});
