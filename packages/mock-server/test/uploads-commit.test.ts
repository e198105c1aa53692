/**
 * Committing an upload as a document over real HTTP, and odd file names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badFiles, makeDoc, makeDocx, makeJpeg, makePdf, makePng } from '../src/fixtures/files.ts';
import { problem } from './helpers.ts';
import {
  api,
  M,
  MAX,
  W002,
  PDF_TYPE,
  DOCX_TYPE,
  sha,
  stats,
  docIds,
  createUpload,
  patchChunk,
  getUpload,
  uploaded,
  commit,
  disposition,
} from './uploads-setup.ts';

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
    {
      kind: 'pdf',
      name: 'Hausordnung.pdf',
      type: PDF_TYPE,
      bytes: makePdf('Hausordnung', ['Ruhezeiten 22–6 Uhr']),
      mime: PDF_TYPE,
    },
    { kind: 'png', name: 'Lageplan.png', type: 'image/png', bytes: makePng(40, 30), mime: 'image/png' },
    { kind: 'jpeg', name: 'Foto.jpg', type: 'image/jpg', bytes: makeJpeg(), mime: 'image/jpeg' },
    {
      kind: 'doc',
      name: 'Mietvertrag.doc',
      type: 'application/msword',
      bytes: makeDoc(),
      mime: 'application/msword',
    },
    {
      kind: 'docx',
      name: 'Mietvertrag.docx',
      type: DOCX_TYPE,
      bytes: makeDocx('Mietvertrag'),
      mime: DOCX_TYPE,
    },
  ];
  for (const g of goods) {
    it(`accepts a ${g.kind.toUpperCase()} with the sniffed type and its sha256, and serves it back byte-exact`, async () => {
      const t0 = Date.now();
      const id = await uploaded(g.name, g.bytes, g.type);
      const title = g.name.replace(/\.[^.]+$/, '');
      const r = await commit({
        uploadId: id,
        title,
        documentTypeId: 'bedienungsanleitungen',
        scope: W002,
        shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }],
      });
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
    for (let filled = 251; filled < MAX; filled *= 2)
      bytes.copyWithin(filled, 0, Math.min(filled, MAX - filled));
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
    {
      given: 'Plan "A"; filename=evil.exe.pdf',
      stored: 'Plan "A"; filename=evil.exe.pdf',
      ascii: 'Plan _A_; filename=evil.exe.pdf',
    },
    {
      given: "Müller's Übergabe (100%).pdf",
      stored: "Müller's Übergabe (100%).pdf",
      ascii: "Muller's Ubergabe (100_).pdf",
    },
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
