/**
 * The resumable upload protocol and the commit (`POST /documents`) over real HTTP against the
 * standalone server: sizes, types, offsets, content sniffing, odd file names, idempotency, and
 * that every refusal changes nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { badFiles, makeDoc, makeDocx, makeJpeg, makePdf, makePng } from '../src/fixtures/files.ts';
import { problem, stats as statsOf, useServer, type Answer } from './helpers.ts';

const api = useServer();

const M = 'manager';
const MAX = 52_428_800;
const ROSENWEG = { kind: 'property', id: 'rosenweg-24' } as const;
const W002 = { kind: 'unit', id: 'max-planck-12-w002' } as const;
const PDF_TYPE = 'application/pdf';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');


/** The paths named by a 422 answer. */
const paths = (r: Answer): string[] => (r.body.errors ?? []).map((e: { path: string }) => e.path);

const stats = () => statsOf(api);

/** Every document id the manager sees (the fixtures hold only a few). */
async function docIds(): Promise<string[]> {
  const r = await api.get('/documents?limit=200', M);
  assert.equal(r.status, 200);
  assert.equal(r.body.nextCursor, null);
  return r.body.items.map((d: { id: string }) => d.id).sort();
}

const createUpload = (fileName: string, size: number, mimeType = PDF_TYPE) => api.post('/uploads', { fileName, size, mimeType }, M);

const patchChunk = (id: string, offset: number | string | undefined, bytes: Uint8Array, contentType = 'application/offset+octet-stream') =>
  api.call('PATCH', `/uploads/${id}`, {
    token: M,
    body: bytes,
    headers: { 'Content-Type': contentType, ...(offset === undefined ? {} : { 'Upload-Offset': String(offset) }) },
  });

const getUpload = (id: string) => api.get(`/uploads/${id}`, M);

/** Opens an upload and sends all of `bytes`; answers the upload id. */
async function uploaded(fileName: string, bytes: Uint8Array, mimeType = PDF_TYPE): Promise<string> {
  const c = await createUpload(fileName, bytes.length, mimeType);
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const p = await patchChunk(c.body.id, 0, bytes);
  assert.equal(p.status, 204, JSON.stringify(p.body));
  return c.body.id;
}

interface CommitBody {
  uploadId: string;
  title?: string;
  documentTypeId?: string;
  scope?: unknown;
  shares?: unknown[];
}
const commitBody = (b: CommitBody) => ({ title: 'Hausordnung', documentTypeId: 'objektunterlagen', scope: ROSENWEG, shares: [], ...b });
const commit = (b: CommitBody, key?: string) => api.post('/documents', commitBody(b), M, key === undefined ? {} : { 'Idempotency-Key': key });

/** Parses `attachment; filename="…"; filename*=UTF-8''…`. */
function disposition(header: string | null): { ascii: string; utf8: string } {
  assert.ok(header, 'Content-Disposition is missing');
  const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/.exec(header);
  assert.ok(m, `unexpected Content-Disposition: ${header}`);
  return { ascii: m[1]!, utf8: decodeURIComponent(m[2]!) };
}

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
    assert.ok(Number.isInteger(chunkSize) && chunkSize > 0 && chunkSize <= 64 * 1024 * 1024, `chunkSize ${chunkSize}`);
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
    ] as const) problem(await createUpload(name, 100, type), 415, 'unsupported_file_type');
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
    ] as const) problem(await createUpload(name, 100, type), 415, 'unsupported_file_type');
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
    ] as const) assert.equal((await createUpload(name, 100, type)).status, 201, `${name} ${type}`);
    assert.equal((await stats()).uploads, 8);
  });

  it('malformed JSON or a wrong content type → 400 bad_request, nothing opened', async () => {
    problem(await api.post('/uploads', '{"fileName":"a.pdf","size":', M, { 'Content-Type': 'application/json' }), 400, 'bad_request');
    problem(await api.post('/uploads', JSON.stringify({ fileName: 'a.pdf', size: 1, mimeType: PDF_TYPE }), M, { 'Content-Type': 'text/plain' }), 400, 'bad_request');
    problem(await api.post('/uploads', JSON.stringify({ fileName: 'a.pdf', size: 1, mimeType: PDF_TYPE }), M, { 'Content-Type': 'application/x-www-form-urlencoded' }), 400, 'bad_request');
    // 400 comes before 413/415/422.
    problem(await api.post('/uploads', '{"size": 0', M, { 'Content-Type': 'application/json' }), 400, 'bad_request');
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
    for (const type of ['application/octet-stream', 'application/json', 'text/plain']) problem(await patchChunk(body.id, 0, new Uint8Array(10), type), 400, 'bad_request');
    // No Content-Type at all.
    problem(await api.call('PATCH', `/uploads/${body.id}`, { token: M, body: new Uint8Array(10), headers: { 'Upload-Offset': '0' } }), 400, 'bad_request');
    assert.equal((await getUpload(body.id)).body.offset, 0);
    // With parameters it is still the right type.
    assert.equal((await patchChunk(body.id, 0, new Uint8Array(10), 'application/offset+octet-stream; charset=binary')).status, 204);
  });

  it('a missing or invalid Upload-Offset → 400, nothing written', async () => {
    const { body } = await createUpload('a.pdf', 50);
    for (const offset of [undefined, '', 'abc', '-1', '1.5', '0x0', '1e1', '10 10']) problem(await patchChunk(body.id, offset, new Uint8Array(10)), 400, 'bad_request');
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
      await api.call('PATCH', `/uploads/${body.id}`, { token: 'contact:kristina-maiblume', body: new Uint8Array(40), headers: { 'Upload-Offset': '60', 'Content-Type': 'application/offset+octet-stream' } }),
      403,
      'forbidden',
    );
    problem(await api.call('PATCH', `/uploads/${body.id}`, { body: new Uint8Array(40), headers: { 'Upload-Offset': '60', 'Content-Type': 'application/offset+octet-stream' } }), 401, 'unauthorized');
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

describe('POST /documents: commit', () => {
  it('an incomplete upload → 409 upload_incomplete; complete, it commits', async () => {
    const bytes = makePdf('Halb');
    const { body } = await createUpload('Halb.pdf', bytes.length);
    problem(await commit({ uploadId: body.id }), 409, 'upload_incomplete');
    await patchChunk(body.id, 0, bytes.subarray(0, 10));
    problem(await commit({ uploadId: body.id }), 409, 'upload_incomplete');
    assert.equal((await stats()).documents, 0);
    assert.equal((await getUpload(body.id)).body.offset, 10);
    await patchChunk(body.id, 10, bytes.subarray(10));
    const ok = await commit({ uploadId: body.id, title: 'Halb' });
    assert.equal(ok.status, 201);
    assert.equal((await stats()).documents, 1);
  });

  it('an upload commits once: the second commit → 409 conflict', async () => {
    const before = await docIds();
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const first = await commit({ uploadId: id, title: 'Einmal' });
    assert.equal(first.status, 201);
    problem(await commit({ uploadId: id, title: 'Einmal' }), 409, 'conflict');
    problem(await commit({ uploadId: id, title: 'Zweimal' }), 409, 'conflict');
    const s = await stats();
    assert.equal(s.documents, 1);
    assert.equal(s.openUploads, 0);
    assert.deepEqual(await docIds(), [...before, first.body.id].sort());
  });

  for (const bad of badFiles()) {
    it(`refuses ${bad.why} (${bad.name}) at commit with 415, storing nothing`, async () => {
      const before = await docIds();
      const id = await uploaded(bad.name, bad.bytes, bad.type);
      const r = await commit({ uploadId: id, title: 'Böse' });
      problem(r, 415, 'unsupported_file_type');
      assert.equal((await stats()).documents, 0);
      assert.deepEqual(await docIds(), before);
      const types = await api.get('/document-types?scope=property:rosenweg-24', M);
      const ou = types.body.items.find((t: { id: string }) => t.id === 'objektunterlagen');
      assert.equal(ou.documentCount, 0);
      assert.equal(ou.subtreeCount, 1);
      // The same file declared with no type fails the same way.
      const id2 = await uploaded(bad.name, bad.bytes, '');
      problem(await commit({ uploadId: id2, title: 'Böse' }), 415, 'unsupported_file_type');
      assert.equal((await stats()).documents, 0);
      assert.deepEqual(await docIds(), before);
    });
  }

  it('refuses content of an accepted kind that disagrees with the name (PDF named .png, DOCX named .doc)', async () => {
    for (const [name, bytes, type] of [
      ['Plan.png', makePdf('x'), ''],
      ['Brief.doc', makeDocx('x'), ''],
      ['Brief.docx', makeDoc(), ''],
      ['Foto.jpg', makePng(2, 2), 'image/jpeg'],
      ['Plan.png', makeJpeg(), 'image/png'],
    ] as const) {
      const id = await uploaded(name, bytes, type);
      problem(await commit({ uploadId: id, title: 'x' }), 415, 'unsupported_file_type');
    }
    assert.equal((await stats()).documents, 0);
  });

  const goods: Array<{ kind: string; name: string; type: string; bytes: Uint8Array; mime: string }> = [
    { kind: 'pdf', name: 'Hausordnung.pdf', type: PDF_TYPE, bytes: makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']), mime: PDF_TYPE },
    { kind: 'png', name: 'Lageplan.png', type: 'image/png', bytes: makePng(40, 30), mime: 'image/png' },
    { kind: 'jpeg', name: 'Foto.jpg', type: 'image/jpg', bytes: makeJpeg(), mime: 'image/jpeg' },
    { kind: 'doc', name: 'Mietvertrag.doc', type: 'application/msword', bytes: makeDoc(), mime: 'application/msword' },
    { kind: 'docx', name: 'Mietvertrag.docx', type: DOCX_TYPE, bytes: makeDocx('Mietvertrag'), mime: DOCX_TYPE },
  ];
  for (const g of goods) {
    it(`accepts a ${g.kind.toUpperCase()} with the sniffed type and its sha256, and serves it back byte-exact`, async () => {
      const t0 = Date.now();
      const id = await uploaded(g.name, g.bytes, g.type);
      const title = g.name.replace(/\.[^.]+$/, '');
      const r = await commit({ uploadId: id, title, documentTypeId: 'bedienungsanleitungen', scope: W002, shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }] });
      assert.equal(r.status, 201);
      const d = r.body;
      assert.equal(typeof d.id, 'string');
      assert.equal(d.title, title);
      assert.equal(d.fileName, g.name);
      assert.equal(d.mimeType, g.mime);
      assert.equal(d.size, g.bytes.length);
      assert.equal(d.sha256, sha(g.bytes));
      assert.equal(d.documentTypeId, 'bedienungsanleitungen');
      assert.deepEqual(d.scope, W002);
      assert.deepEqual(d.shares, [{ kind: 'contact', contactId: 'kristina-maiblume' }]);
      assert.equal(d.version, 1);
      assert.equal(d.downloadCount, 0);
      assert.equal(d.recipientCount, 1);
      assert.equal(d.createdAt, d.updatedAt);
      assert.ok(Date.parse(d.createdAt) >= t0 - 1000);
      assert.deepEqual((await api.get(`/documents/${d.id}`, M)).body, d);

      const file = await api.get(`/documents/${d.id}/content`, 'contact:kristina-maiblume');
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), g.mime);
      assert.equal(file.headers.get('content-length'), String(g.bytes.length));
      assert.equal(file.headers.get('etag'), `"${sha(g.bytes)}"`);
      assert.deepEqual(disposition(file.headers.get('content-disposition')), { ascii: g.name, utf8: g.name });
      assert.deepEqual(file.bytes, g.bytes);
      const s = await stats();
      assert.equal(s.documents, 1);
      assert.equal(s.openUploads, 0);
    });
  }

  it("takes the sniffed type when none was declared ('')", async () => {
    const bytes = makeDocx('ohne Typ');
    const r = await commit({ uploadId: await uploaded('ohne Typ.docx', bytes, ''), title: 'ohne Typ' });
    assert.equal(r.status, 201);
    assert.equal(r.body.mimeType, DOCX_TYPE);
  });

  it('a real 50 MiB file (exactly 52,428,800 bytes) in several chunks arrives byte-exact; 50 MiB + 1 is refused', async () => {
    const bytes = new Uint8Array(MAX);
    // A pattern whose period (251) is coprime to any chunk size, so misplaced chunks would show.
    for (let i = 0; i < 251; i++) bytes[i] = (i * 7 + 3) & 0xff;
    for (let filled = 251; filled < MAX; filled *= 2) bytes.copyWithin(filled, 0, Math.min(filled, MAX - filled));
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    const hash = sha(bytes);

    problem(await createUpload('Gross.pdf', MAX + 1), 413, 'file_too_large');

    const c = await createUpload('Gross.pdf', MAX);
    assert.equal(c.status, 201);
    const chunk = c.body.chunkSize as number;
    assert.ok(chunk > 0 && chunk < MAX, `chunkSize ${chunk}`);
    let sent = 0;
    for (let o = 0; o < MAX; o += chunk) {
      const r = await patchChunk(c.body.id, o, bytes.subarray(o, o + chunk));
      assert.equal(r.status, 204);
      assert.equal(r.headers.get('upload-offset'), String(Math.min(o + chunk, MAX)));
      sent++;
    }
    assert.ok(sent >= 2, `${sent} chunks`);
    const doc = await commit({ uploadId: c.body.id, title: 'Groß' });
    assert.equal(doc.status, 201);
    assert.equal(doc.body.size, MAX);
    assert.equal(doc.body.mimeType, PDF_TYPE);
    assert.equal(doc.body.sha256, hash);

    const file = await api.get(`/documents/${doc.body.id}/content`, M);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-length'), String(MAX));
    assert.equal(file.bytes.length, MAX);
    assert.equal(sha(file.bytes), hash);
    const s = await stats();
    assert.equal(s.documents, 1);
    assert.equal(s.uploads, 1);
    assert.ok(s.bytesReceived >= MAX && s.bytesReceived < MAX + 10_000, `bytesReceived ${s.bytesReceived}`);
  });
});

describe('odd file names', () => {
  const cases: Array<{ given: string; stored: string; ascii?: string }> = [
    { given: '../../etc/Hausordnung.pdf', stored: 'Hausordnung.pdf' },
    { given: 'C:\\Users\\lindner\\Desktop\\Plan.pdf', stored: 'Plan.pdf' },
    { given: '..\\..\\Plan.pdf', stored: 'Plan.pdf' },
    { given: 'Rech\u0000nung\u0007\u001b.pdf', stored: 'Rechnung.pdf' },
    { given: 'Zeile\r\nUmbruch.pdf', stored: 'ZeileUmbruch.pdf' },
    { given: 'Vertrag\u202Excod.pdf', stored: 'Vertragxcod.pdf' },
    { given: '\u2066Plan\u2069\u200f.pdf', stored: 'Plan.pdf' },
    { given: `${'ä'.repeat(148)}.pdf`, stored: `${'ä'.repeat(125)}.pdf`, ascii: `${'a'.repeat(125)}.pdf` },
    { given: `${'x'.repeat(296)}.pdf`, stored: `${'x'.repeat(251)}.pdf` },
    { given: `${'🏠'.repeat(80)}.pdf`, stored: `${'🏠'.repeat(62)}.pdf` },
    { given: 'Grundriss 🏠 Straße.pdf', stored: 'Grundriss 🏠 Straße.pdf' },
    { given: '.pdf', stored: '.pdf' },
    { given: 'Plan "A"; filename=evil.exe.pdf', stored: 'Plan "A"; filename=evil.exe.pdf', ascii: 'Plan _A_; filename=evil.exe.pdf' },
    { given: "Müller's Übergabe (100%).pdf", stored: "Müller's Übergabe (100%).pdf", ascii: "Muller's Ubergabe (100_).pdf" },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.given.length > 60 ? `${c.given.slice(0, 20)}…(${new TextEncoder().encode(c.given).length} bytes)` : c.given)} is cleaned, accepted and served safely`, async () => {
      const bytes = makePdf('Name');
      const created = await createUpload(c.given, bytes.length);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await patchChunk(created.body.id, 0, bytes)).status, 204);
      const doc = await commit({ uploadId: created.body.id, title: 'Name' });
      assert.equal(doc.status, 201, JSON.stringify(doc.body));
      assert.equal(doc.body.fileName, c.stored);
      assert.ok(new TextEncoder().encode(doc.body.fileName).length <= 255);

      const file = await api.get(`/documents/${doc.body.id}/content`, M);
      assert.equal(file.status, 200);
      const cd = disposition(file.headers.get('content-disposition'));
      assert.equal(cd.utf8, c.stored);
      assert.match(cd.ascii, /^[\x20-\x7e]*$/);
      assert.doesNotMatch(cd.ascii, /["\\/]/);
      if (c.ascii !== undefined) assert.equal(cd.ascii, c.ascii);
      else if (/^[\x20-\x7e]*$/.test(c.stored)) assert.equal(cd.ascii, c.stored);
      assert.ok(cd.ascii.endsWith('.pdf'));
      assert.deepEqual(file.bytes, bytes);
    });
  }
});

describe('Idempotency-Key on commit', () => {
  it('the same key and body answer 201 with the same document, and only one is stored', async () => {
    const before = await docIds();
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const body = { uploadId: id, title: 'Einmal', shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }] };
    const first = await commit(body, 'key-1');
    assert.equal(first.status, 201);
    for (let i = 0; i < 3; i++) {
      const again = await commit(body, 'key-1');
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
    }
    // The same body with its keys in another order is the same body.
    const reordered = await api.post('/documents', { shares: body.shares, scope: ROSENWEG, documentTypeId: 'objektunterlagen', title: 'Einmal', uploadId: id }, M, { 'Idempotency-Key': 'key-1' });
    assert.equal(reordered.status, 201);
    assert.equal(reordered.body.id, first.body.id);
    const s = await stats();
    assert.equal(s.documents, 1);
    assert.deepEqual(await docIds(), [...before, first.body.id].sort());
  });

  it('concurrent requests with one key store one document', async () => {
    const id = await uploaded('Parallel.pdf', makePdf('Parallel'));
    const answers = await Promise.all([1, 2, 3, 4].map(() => commit({ uploadId: id, title: 'Parallel' }, 'key-par')));
    for (const a of answers) assert.equal(a.status, 201);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await stats()).documents, 1);
  });

  it('the same key with another body → 409 conflict, nothing changes', async () => {
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const first = await commit({ uploadId: id, title: 'Einmal' }, 'key-2');
    assert.equal(first.status, 201);
    const before = await docIds();
    problem(await commit({ uploadId: id, title: 'Anders' }, 'key-2'), 409, 'conflict');
    const other = await uploaded('Zwei.pdf', makePdf('Zwei'));
    problem(await commit({ uploadId: other, title: 'Zwei' }, 'key-2'), 409, 'conflict');
    assert.equal((await stats()).documents, 1);
    assert.deepEqual(await docIds(), before);
    assert.equal((await api.get(`/documents/${first.body.id}`, M)).body.title, 'Einmal');
    // The other upload is still open and commits under a fresh key.
    assert.equal((await commit({ uploadId: other, title: 'Zwei' }, 'key-3')).status, 201);
    assert.equal((await stats()).documents, 2);
  });

  it("keys are scoped per caller: another caller's use of the key gets its own answer", async () => {
    const id = await uploaded('Einmal.pdf', makePdf('Einmal'));
    const body = commitBody({ uploadId: id, title: 'Einmal' });
    const first = await api.post('/documents', body, M, { 'Idempotency-Key': 'shared-key' });
    assert.equal(first.status, 201);
    // A contact replaying the manager's key and body gets its own answer (403), not the manager's document.
    const contact = await api.post('/documents', body, 'contact:kristina-maiblume', { 'Idempotency-Key': 'shared-key' });
    problem(contact, 403, 'forbidden');
    assert.equal(contact.body.id, undefined);
    // Without a token the key means nothing either.
    problem(await api.post('/documents', body, undefined, { 'Idempotency-Key': 'shared-key' }), 401, 'unauthorized');
    const again = await api.post('/documents', body, M, { 'Idempotency-Key': 'shared-key' });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, first.body.id);
    // Another key of the same caller is separate: a second commit of the same upload is refused.
    problem(await api.post('/documents', body, M, { 'Idempotency-Key': 'other-key' }), 409, 'conflict');
    assert.equal((await stats()).documents, 1);
  });

  it('a refused commit (415, 409 upload_incomplete, 422) does not burn the key', async () => {
    const bad = badFiles()[0]!;
    const badId = await uploaded(bad.name, bad.bytes, bad.type);
    problem(await commit({ uploadId: badId, title: 'Böse' }, 'key-4'), 415, 'unsupported_file_type');
    // The key is free again: another body under it is not a 409.
    const good = await uploaded('Gut.pdf', makePdf('Gut'));
    const ok = await commit({ uploadId: good, title: 'Gut' }, 'key-4');
    assert.equal(ok.status, 201);
    assert.equal(ok.body.title, 'Gut');

    // An incomplete upload, then the same body once it is complete.
    const bytes = makePdf('Später');
    const { body } = await createUpload('Später.pdf', bytes.length);
    problem(await commit({ uploadId: body.id, title: 'Später' }, 'key-5'), 409, 'upload_incomplete');
    await patchChunk(body.id, 0, bytes);
    const later = await commit({ uploadId: body.id, title: 'Später' }, 'key-5');
    assert.equal(later.status, 201);

    // A validation failure, then a good body under the same key.
    const third = await uploaded('Drei.pdf', makePdf('Drei'));
    problem(await commit({ uploadId: third, title: 'Drei', documentTypeId: 'gibt-es-nicht' }, 'key-6'), 422, 'validation_failed');
    assert.equal((await commit({ uploadId: third, title: 'Drei' }, 'key-6')).status, 201);
    assert.equal((await stats()).documents, 3);
  });

  it('an empty or over-long key → 422 naming Idempotency-Key', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    for (const key of ['', 'x'.repeat(256)]) {
      const r = await commit({ uploadId: id }, key);
      problem(r, 422, 'validation_failed');
      assert.deepEqual(paths(r), ['Idempotency-Key']);
    }
    assert.equal((await stats()).documents, 0);
  });
});

describe('commit body validation: every refusal changes nothing', () => {
  /** Runs a refused commit and checks that the upload is still open and no document was made. */
  async function refused(b: Omit<CommitBody, 'uploadId'> & { uploadId?: string }, status: number, code: string, path?: string) {
    const before = await docIds();
    const id = await uploaded('Hausordnung.pdf', makePdf('Hausordnung'));
    const r = await commit({ uploadId: id, ...b });
    problem(r, status, code);
    if (path !== undefined) assert.ok(paths(r).includes(path), `paths ${JSON.stringify(paths(r))} lack ${path}`);
    assert.deepEqual(await docIds(), before);
    const s = await stats();
    assert.equal(s.documents, 0);
    assert.equal(s.openUploads, 1);
    assert.equal((await getUpload(id)).body.offset, makePdf('Hausordnung').length);
    // The same upload still commits with a good body.
    assert.equal((await commit({ uploadId: id })).status, 201);
    return r;
  }

  it('an unknown uploadId → 422 naming uploadId', async () => {
    await refused({ uploadId: 'no-such-upload' }, 422, 'validation_failed', 'uploadId');
  });

  it('an unknown documentTypeId → 422 naming documentTypeId', async () => {
    await refused({ documentTypeId: 'gibt-es-nicht' }, 422, 'validation_failed', 'documentTypeId');
  });

  it('an unknown scope id → 422 naming scope.id', async () => {
    await refused({ scope: { kind: 'property', id: 'gibt-es-nicht' } }, 422, 'validation_failed', 'scope.id');
    await api.reset();
    await refused({ scope: { kind: 'unit', id: 'gibt-es-nicht' } }, 422, 'validation_failed', 'scope.id');
  });

  const unknownTargets: Array<[unknown, string]> = [
    [{ kind: 'property', propertyId: 'gibt-es-nicht', roles: ['tenant'] }, 'propertyId'],
    [{ kind: 'address', addressId: 'gibt-es-nicht', roles: ['owner'] }, 'addressId'],
    [{ kind: 'unit', unitId: 'gibt-es-nicht', roles: ['tenant', 'owner'] }, 'unitId'],
    [{ kind: 'group', groupId: 'gibt-es-nicht' }, 'groupId'],
    [{ kind: 'contact', contactId: 'gibt-es-nicht' }, 'contactId'],
  ];
  for (const [target, field] of unknownTargets) {
    it(`an unknown share target id (${field}) → 422 naming shares.<i>.${field}`, async () => {
      const good = { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] };
      await refused({ shares: [good, target] }, 422, 'validation_failed', `shares.1.${field}`);
    });
  }

  it('targets outside the scope → 422 target_out_of_scope naming each', async () => {
    const r = await refused(
      {
        shares: [
          { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
          { kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] },
          { kind: 'contact', contactId: 'kristina-maiblume' },
        ],
      },
      422,
      'target_out_of_scope',
    );
    assert.deepEqual(paths(r).sort(), ['shares.1', 'shares.2']);
    await api.reset();
    // A unit-scoped document cannot go to another unit, nor to the whole property.
    await refused({ scope: W002, shares: [{ kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] }] }, 422, 'target_out_of_scope', 'shares.0');
    await api.reset();
    await refused({ scope: W002, shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }] }, 422, 'target_out_of_scope', 'shares.0');
    await api.reset();
    await refused({ scope: W002, shares: [{ kind: 'contact', contactId: 'lena-hoffmann' }] }, 422, 'target_out_of_scope', 'shares.0');
  });

  it('schema violations → 422 naming the field', async () => {
    await refused({ title: '' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: '   ' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: 'a'.repeat(201) }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ title: 'Zeile\nUmbruch' }, 422, 'validation_failed', 'title');
    await api.reset();
    await refused({ scope: { kind: 'building', id: 'rosenweg-24' } }, 422, 'validation_failed', 'scope.kind');
    await api.reset();
    await refused({ shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: [] }] }, 422, 'validation_failed', 'shares.0.roles');
    await api.reset();
    await refused({ shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant', 'tenant'] }] }, 422, 'validation_failed', 'shares.0.roles');
    await api.reset();
    await refused({ shares: [{ kind: 'everyone' }] }, 422, 'validation_failed');
    await api.reset();
    await refused({ shares: undefined }, 422, 'validation_failed', 'shares');
  });

  it('a title is stored trimmed, and 200 code points (emoji) are fine', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    const r = await commit({ uploadId: id, title: `  ${'😀'.repeat(200)}  ` });
    assert.equal(r.status, 201);
    assert.equal(r.body.title, '😀'.repeat(200));
  });

  it('malformed JSON or a wrong content type → 400, nothing stored', async () => {
    const id = await uploaded('a.pdf', makePdf('a'));
    const good = JSON.stringify(commitBody({ uploadId: id }));
    problem(await api.post('/documents', good.slice(0, -1), M, { 'Content-Type': 'application/json' }), 400, 'bad_request');
    problem(await api.post('/documents', good, M, { 'Content-Type': 'text/plain' }), 400, 'bad_request');
    problem(await api.post('/documents', new TextEncoder().encode(good), M, { 'Content-Type': 'application/octet-stream' }), 400, 'bad_request');
    problem(await api.post('/documents', '', M, { 'Content-Type': 'application/json' }), 400, 'bad_request');
    const s = await stats();
    assert.equal(s.documents, 0);
    assert.equal(s.openUploads, 1);
    assert.equal((await api.post('/documents', good, M, { 'Content-Type': 'application/json; charset=utf-8' })).status, 201);
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
    const created = await api.post('/uploads', { fileName: 'Getrennt.pdf', size: bytes.length, mimeType: PDF_TYPE }, M, key);
    assert.equal(created.status, 201);
    const patched = await api.call('PATCH', `/uploads/${created.body.id}`, { token: M, body: bytes, headers: { 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' } });
    assert.equal(patched.status, 204);
    const doc = await api.post('/documents', { uploadId: created.body.id, title: 'Getrennt', documentTypeId: 'plaene', scope: ROSENWEG, shares: [] }, M, key);
    assert.equal(doc.status, 201);
  });
});
