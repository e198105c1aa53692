/**
 * A document's bytes over real HTTP: content, its headers (type, length, disposition with any
 * file name), and download counts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { makeDocx, makeJpeg, makePdf, makePng } from '../src/fixtures/files.ts';
import { api, type Doc, W001, assertProblem, clock, byId } from './documents-setup.ts';

describe('GET /documents/{id}/content', () => {
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const disposition = (h: string | null) => {
    const m = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([^\s;]+)$/.exec(h ?? '');
    assert.ok(m, `Content-Disposition: ${h}`);
    assert.match(m[1]!, /^[\x20-\x7e]*$/, 'the fallback is printable ASCII');
    return { ascii: m[1]!, utf8: decodeURIComponent(m[2]!) };
  };

  it('sends the bytes with the sniffed type, Content-Disposition, Content-Length and ETag "<sha256>"', async () => {
    const files = [
      {
        name: 'Hausordnung.pdf',
        bytes: makePdf('Hausordnung'),
        declared: 'application/pdf',
        type: 'application/pdf',
      },
      { name: 'Küchenplan – Entwurf.png', bytes: makePng(8, 8), declared: '', type: 'image/png' },
      { name: 'Foto Treppenhaus.jpg', bytes: makeJpeg(), declared: 'image/jpg', type: 'image/jpeg' },
      {
        name: 'Mietvertrag "Entwurf".docx',
        bytes: makeDocx('Mietvertrag'),
        declared: 'application/octet-stream',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        name: '../../etc/Übergabeprotokoll 😀.pdf',
        bytes: makePdf('Übergabe'),
        declared: 'application/pdf',
        type: 'application/pdf',
      },
    ];
    for (const [i, f] of files.entries()) {
      await clock(`2026-11-27T10:0${i}:00Z`);
      const created = await api.upload(
        { name: f.name, bytes: f.bytes, type: f.declared },
        {
          title: 'Datei',
          documentTypeId: 'plaene',
          scope: W001,
          shares: [{ kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] }],
        },
      );
      assert.equal(created.status, 201, f.name);
      const doc: Doc = created.body;
      assert.equal(doc.mimeType, f.type, f.name);
      assert.equal(doc.size, f.bytes.length);
      assert.equal(doc.sha256, sha(f.bytes));
      for (const token of ['manager', 'contact:ahmet-yilmaz']) {
        const r = await api.get(`/documents/${doc.id}/content`, token);
        assert.equal(r.status, 200);
        assert.deepEqual(r.bytes, f.bytes, `${f.name}: byte-exact`);
        assert.equal(r.headers.get('content-type'), f.type);
        assert.equal(r.headers.get('content-length'), String(f.bytes.length));
        assert.equal(r.headers.get('etag'), `"${sha(f.bytes)}"`);
        const cd = disposition(r.headers.get('content-disposition'));
        assert.equal(cd.utf8, doc.fileName, `${f.name}: filename* is the document's fileName`);
      }
    }
    const all = (await api.get('/documents?scope=unit:rosenweg-24-w001&sort=createdAt:asc', 'manager')).body
      .items as Doc[];
    assert.deepEqual(
      all.map((d) => d.fileName),
      [
        'Hausordnung.pdf',
        'Küchenplan – Entwurf.png',
        'Foto Treppenhaus.jpg',
        'Mietvertrag "Entwurf".docx',
        'Übergabeprotokoll 😀.pdf',
      ],
    );
    const simple = await api.get(`/documents/${all[0]!.id}/content`, 'manager');
    assert.equal(
      simple.headers.get('content-disposition'),
      `attachment; filename="Hausordnung.pdf"; filename*=UTF-8''Hausordnung.pdf`,
    );
    const quoted = disposition(
      (await api.get(`/documents/${all[3]!.id}/content`, 'manager')).headers.get('content-disposition'),
    );
    assert.ok(!quoted.ascii.includes('"') && quoted.ascii.endsWith('.docx'));
    // A fixture PNG.
    const png = await api.get('/documents/grundriss-max-planck-12-w002/content', 'contact:kristina-maiblume');
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.equal(png.headers.get('etag'), `"${sha(png.bytes)}"`);
    assert.equal(disposition(png.headers.get('content-disposition')).utf8, 'Grundriss Wohnung 002.png');
  });

  it("counts each download by a contact, never the manager's; GET /downloads has total and byContact with names", async () => {
    const id = 'grundriss-max-planck-12-w002';
    assert.deepEqual((await api.get(`/documents/${id}/downloads`, 'manager')).body, {
      total: 0,
      byContact: [],
    });
    await clock('2026-11-27T08:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:kristina-maiblume')).status, 200);
    await clock('2026-11-27T09:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:jonas-becker')).status, 200);
    await clock('2026-11-27T10:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:kristina-maiblume')).status, 200);
    for (let i = 0; i < 3; i++)
      assert.equal((await api.get(`/documents/${id}/content`, 'manager')).status, 200);
    // Refused downloads count nothing either.
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:lena-hoffmann')).status, 404);
    assert.equal((await api.get(`/documents/${id}/content`)).status, 401);
    // Reading the document is no download.
    await api.get(`/documents/${id}`, 'contact:kristina-maiblume');
    const doc = await api.get(`/documents/${id}`, 'manager');
    assert.equal(doc.body.downloadCount, 3);
    assert.equal(
      (await api.get('/documents?scope=unit:max-planck-12-w002', 'manager')).body.items[0].downloadCount,
      3,
    );
    const stats = await api.get(`/documents/${id}/downloads`, 'manager');
    assert.equal(stats.status, 200);
    assert.equal(stats.body.total, 3);
    assert.deepEqual(
      [...stats.body.byContact].sort((a: { contactId: string }, b: { contactId: string }) =>
        byId(a.contactId, b.contactId),
      ),
      [
        { contactId: 'jonas-becker', name: 'Jonas Becker', count: 1, lastAt: '2026-11-27T09:00:00.000Z' },
        {
          contactId: 'kristina-maiblume',
          name: 'Kristina Maiblume',
          count: 2,
          lastAt: '2026-11-27T10:00:00.000Z',
        },
      ],
    );
    // Other documents are untouched.
    assert.deepEqual((await api.get('/documents/energieausweis-rosenweg-24/downloads', 'manager')).body, {
      total: 0,
      byContact: [],
    });
    assertProblem(await api.get('/documents/no-such-document/downloads', 'manager'), 404, 'not_found');
  });
});
