/**
 * Single documents over real HTTP: ETag, If-Match, PATCH rules, deletion, file bytes and their
 * headers, download counts. Listings are in documents-listing.test.ts.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { makeDocx, makeJpeg, makePdf, makePng } from '../src/fixtures/files.ts';
import { api, type Doc, W001, assertProblem, assertInvalid, clock, mk, ids, byId } from './documents-setup.ts';

// ------------------------------------------------------------------ one document

describe('GET and PATCH /documents/{id}', () => {
  it('GET sends ETag "<version>"; PATCH raises the version and the ETag', async () => {
    const g = await api.get('/documents/energieausweis-rosenweg-24', 'manager');
    assert.equal(g.headers.get('etag'), '"1"');
    assert.equal(g.body.version, 1);
    assert.equal((await api.get('/documents/energieausweis-rosenweg-24', 'contact:ahmet-yilmaz')).headers.get('etag'), '"1"');
    await clock('2026-11-27T10:00:00Z');
    const p = await api.patch('/documents/energieausweis-rosenweg-24', { title: 'Energieausweis 2034' }, 'manager');
    assert.equal(p.status, 200);
    assert.equal(p.body.version, 2);
    assert.equal(p.body.updatedAt, '2026-11-27T10:00:00.000Z');
    assert.equal(p.body.createdAt, g.body.createdAt);
    assert.equal(p.headers.get('etag'), '"2"');
    assert.equal((await api.get('/documents/energieausweis-rosenweg-24', 'manager')).headers.get('etag'), '"2"');
    // Each change raises it once more: title, type, shares.
    assert.equal((await api.patch('/documents/energieausweis-rosenweg-24', { documentTypeId: 'objektunterlagen' }, 'manager')).body.version, 3);
    assert.equal((await api.patch('/documents/energieausweis-rosenweg-24', { shares: [] }, 'manager')).body.version, 4);
    assert.equal((await api.patch('/documents/energieausweis-rosenweg-24', { title: 'X', documentTypeId: 'plaene', shares: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }] }, 'manager')).body.version, 5);
    // A patch that changes nothing is no change.
    const same = await api.patch('/documents/energieausweis-rosenweg-24', { title: 'X' }, 'manager');
    assert.equal(same.status, 200);
    assert.equal(same.body.version, 5);
    assert.equal((await api.patch('/documents/energieausweis-rosenweg-24', {}, 'manager')).body.version, 5);
  });

  it('If-Match with the current version applies; with an older one → 412 and nothing changed', async () => {
    const ok = await api.patch('/documents/grundriss-max-planck-12-w002', { title: 'Grundriss A' }, 'manager', { 'If-Match': '"1"' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, 2);
    const before = await api.get('/documents/grundriss-max-planck-12-w002', 'manager');
    for (const stale of ['"1"', '"0"', '"3"', '1', 'W/"1"', '"1", "0"']) {
      const r = await api.patch('/documents/grundriss-max-planck-12-w002', { title: 'Grundriss B', shares: [] }, 'manager', { 'If-Match': stale });
      assertProblem(r, 412, 'precondition_failed', stale);
    }
    assert.deepEqual((await api.get('/documents/grundriss-max-planck-12-w002', 'manager')).body, before.body);
    assert.equal((await api.get('/documents/grundriss-max-planck-12-w002', 'contact:kristina-maiblume')).status, 200, 'the shares are unchanged');
    // If-Match compares strongly (RFC 9110 13.1.1): the current version as a weak tag does not match.
    assertProblem(await api.patch('/documents/grundriss-max-planck-12-w002', { title: 'Grundriss W' }, 'manager', { 'If-Match': 'W/"2"' }), 412, 'precondition_failed', 'W/"2"');
    // The current one (also among others) works.
    const cur = await api.patch('/documents/grundriss-max-planck-12-w002', { title: 'Grundriss C' }, 'manager', { 'If-Match': '"1", "2"' });
    assert.equal(cur.status, 200);
    assert.equal(cur.body.version, 3);
    // Order of checks: 422 before 412, 404 before 412.
    assertInvalid(await api.patch('/documents/grundriss-max-planck-12-w002', { title: '' }, 'manager', { 'If-Match': '"1"' }), 'title');
    assertProblem(await api.patch('/documents/no-such-document', { title: 'x' }, 'manager', { 'If-Match': '"1"' }), 404, 'not_found');
  });

  it('titles are stored trimmed, 1–200 code points, without control characters', async () => {
    const id = 'wirtschaftsplan-2027-rosenweg-24';
    const set = (title: unknown) => api.patch(`/documents/${id}`, { title }, 'manager');
    assert.equal((await set('  Wirtschaftsplan 2028  ')).body.title, 'Wirtschaftsplan 2028');
    assert.equal((await api.get(`/documents/${id}`, 'manager')).body.title, 'Wirtschaftsplan 2028');
    const emoji200 = '😀'.repeat(200);
    assert.equal((await set(emoji200)).body.title, emoji200, '200 code points (400 UTF-16 units) are fine');
    assert.equal((await set('a'.repeat(200))).body.title, 'a'.repeat(200));
    assert.equal((await set(`  ${'b'.repeat(200)}  `)).body.title, 'b'.repeat(200), 'trimmed before counting');
    assert.equal((await set('Ünïcödé – “Anführung” & <b>')).body.title, 'Ünïcödé – “Anführung” & <b>');
    const before = await api.get(`/documents/${id}`, 'manager');
    for (const bad of ['', '   ', '😀'.repeat(201), 'a'.repeat(201), 'Zeile\nZwei', 'a\u0000b', 'Tab\tTitel', 'x\u007fy', 'C1\u0085', 'Bell\u0007', 42, null]) {
      assertInvalid(await set(bad), 'title', JSON.stringify(bad));
    }
    assert.deepEqual((await api.get(`/documents/${id}`, 'manager')).body, before.body);
    // The same rules when a document is created.
    const bytes = makePdf('T');
    for (const [title, ok] of [['  Getrimmt  ', 'Getrimmt'], ['a\u0001', null], ['', null], ['x'.repeat(201), null]] as const) {
      const r = await api.upload({ name: 'T.pdf', bytes, type: 'application/pdf' }, { title, documentTypeId: 'plaene', scope: W001, shares: [] });
      if (ok) {
        assert.equal(r.status, 201);
        assert.equal(r.body.title, ok);
      } else assertInvalid(r, 'title', JSON.stringify(title));
    }
  });

  it('a share list in a PATCH replaces the whole list', async () => {
    await clock('2026-11-27T10:00:00Z');
    const d = await mk('Aushang', { scope: { kind: 'property', id: 'rosenweg-24' }, shares: [{ kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] }, { kind: 'group', groupId: 'rosenweg-24-beirat' }] });
    assert.equal(d.recipientCount, 6);
    const sees = async (who: string) => (await api.get(`/documents/${d.id}`, `contact:${who}`)).status === 200;
    assert.deepEqual([await sees('elif-demir'), await sees('sophie-wagner'), await sees('ahmet-yilmaz')], [true, true, true]);
    const p = await api.patch(`/documents/${d.id}`, { shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }] }, 'manager');
    assert.equal(p.status, 200);
    assert.deepEqual(p.body.shares, [{ kind: 'contact', contactId: 'ahmet-yilmaz' }]);
    assert.equal(p.body.recipientCount, 1);
    assert.deepEqual([await sees('elif-demir'), await sees('sophie-wagner'), await sees('ahmet-yilmaz')], [false, false, true]);
    // A patch without shares keeps them.
    const t = await api.patch(`/documents/${d.id}`, { title: 'Aushang neu' }, 'manager');
    assert.deepEqual(t.body.shares, [{ kind: 'contact', contactId: 'ahmet-yilmaz' }]);
    // An empty list: only managers see it.
    const e = await api.patch(`/documents/${d.id}`, { shares: [] }, 'manager');
    assert.deepEqual(e.body.shares, []);
    assert.equal(e.body.recipientCount, 0);
    assert.equal(await sees('ahmet-yilmaz'), false);
  });

  it('unknown ids in the body → 422 naming the field; targets outside the scope → 422 target_out_of_scope; nothing changes', async () => {
    const id = 'grundriss-max-planck-12-w002';
    const before = await api.get(`/documents/${id}`, 'manager');
    assertInvalid(await api.patch(`/documents/${id}`, { documentTypeId: 'no-such-type' }, 'manager'), 'documentTypeId');
    assertInvalid(await api.patch(`/documents/${id}`, { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }, { kind: 'contact', contactId: 'nobody' }] }, 'manager'), 'shares.1.contactId');
    assertInvalid(await api.patch(`/documents/${id}`, { shares: [{ kind: 'group', groupId: 'no-such-group' }] }, 'manager'), 'shares.0.groupId');
    assertInvalid(await api.patch(`/documents/${id}`, { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: [] }] }, 'manager'), 'shares.0.roles');
    assertInvalid(await api.patch(`/documents/${id}`, { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'tenant'] }] }, 'manager'), 'shares.0.roles');
    assertInvalid(await api.patch(`/documents/${id}`, { shares: [{ kind: 'street', streetId: 'x' }] }, 'manager'), 'shares.0.kind');
    // Unit-scoped document: another unit, the whole property, a neighbour are outside.
    for (const [target, what] of [
      [{ kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] }, 'another unit'],
      [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }, 'the whole property'],
      [{ kind: 'contact', contactId: 'lena-hoffmann' }, 'a neighbour'],
      [{ kind: 'address', addressId: 'max-planck-12', roles: ['owner'] }, 'the address'],
      [{ kind: 'group', groupId: 'max-planck-12-beirat' }, 'a group'],
    ] as const) {
      const r = await api.patch(`/documents/${id}`, { shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }, target] }, 'manager');
      assertProblem(r, 422, 'target_out_of_scope', what);
      assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['shares.1'], what);
    }
    // Property-scoped document: a target of another property is outside.
    const r = await api.patch('/documents/energieausweis-rosenweg-24', { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] }, { kind: 'contact', contactId: 'kristina-maiblume' }] }, 'manager');
    assertProblem(r, 422, 'target_out_of_scope');
    assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), ['shares.0', 'shares.1']);
    assert.deepEqual((await api.get(`/documents/${id}`, 'manager')).body, before.body);
    // Unknown path id → 404; malformed JSON → 400.
    assertProblem(await api.patch('/documents/no-such-document', { title: 'x' }, 'manager'), 404, 'not_found');
    assertProblem(await api.call('PATCH', `/documents/${id}`, { token: 'manager', body: '{"title":', headers: { 'Content-Type': 'application/json' } }), 400, 'bad_request');
    // Inside the scope is fine.
    const ok = await api.patch(`/documents/${id}`, { shares: [{ kind: 'contact', contactId: 'jonas-becker' }, { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['owner'] }] }, 'manager');
    assert.equal(ok.status, 200);
    assert.equal(ok.body.recipientCount, 1);
  });

  it('a new documentTypeId moves the document between folders', async () => {
    const r = await api.patch('/documents/energieausweis-rosenweg-24', { documentTypeId: 'bedienungsanleitungen' }, 'manager');
    assert.equal(r.body.documentTypeId, 'bedienungsanleitungen');
    assert.deepEqual(ids(await api.get('/documents?documentTypeId=bedienungsanleitungen', 'manager')), ['energieausweis-rosenweg-24']);
    assert.deepEqual(ids(await api.get('/documents?documentTypeId=energieausweis', 'manager')), []);
  });

  it('DELETE → 204, then 404 everywhere', async () => {
    const d = await mk('Wegwerfen', { shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }] });
    assert.equal((await api.get(`/documents/${d.id}`, 'contact:ahmet-yilmaz')).status, 200);
    const del = await api.del(`/documents/${d.id}`, 'manager');
    assert.equal(del.status, 204);
    assert.equal(del.bytes.length, 0);
    for (const token of ['manager', 'contact:ahmet-yilmaz']) {
      assertProblem(await api.get(`/documents/${d.id}`, token), 404, 'not_found');
      assertProblem(await api.get(`/documents/${d.id}/content`, token), 404, 'not_found');
      assert.ok(!ids(await api.get('/documents', token)).includes(d.id));
    }
    assertProblem(await api.get(`/documents/${d.id}/downloads`, 'manager'), 404, 'not_found');
    assertProblem(await api.patch(`/documents/${d.id}`, { title: 'x' }, 'manager'), 404, 'not_found');
    assertProblem(await api.del(`/documents/${d.id}`, 'manager'), 404, 'not_found');
    // A fixture document too; the type it sat in can then be deleted.
    assert.equal((await api.del('/documents/energieausweis-rosenweg-24', 'manager')).status, 204);
    assert.equal((await api.del('/document-types/energieausweis', 'manager')).status, 204);
  });
});

// ------------------------------------------------------------------ file bytes and downloads

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
      { name: 'Hausordnung.pdf', bytes: makePdf('Hausordnung'), declared: 'application/pdf', type: 'application/pdf' },
      { name: 'Küchenplan – Entwurf.png', bytes: makePng(8, 8), declared: '', type: 'image/png' },
      { name: 'Foto Treppenhaus.jpg', bytes: makeJpeg(), declared: 'image/jpg', type: 'image/jpeg' },
      { name: 'Mietvertrag "Entwurf".docx', bytes: makeDocx('Mietvertrag'), declared: 'application/octet-stream', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      { name: '../../etc/Übergabeprotokoll 😀.pdf', bytes: makePdf('Übergabe'), declared: 'application/pdf', type: 'application/pdf' },
    ];
    for (const [i, f] of files.entries()) {
      await clock(`2026-11-27T10:0${i}:00Z`);
      const created = await api.upload({ name: f.name, bytes: f.bytes, type: f.declared }, { title: 'Datei', documentTypeId: 'plaene', scope: W001, shares: [{ kind: 'unit', unitId: 'rosenweg-24-w001', roles: ['tenant'] }] });
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
    const all = (await api.get('/documents?scope=unit:rosenweg-24-w001&sort=createdAt:asc', 'manager')).body.items as Doc[];
    assert.deepEqual(all.map((d) => d.fileName), ['Hausordnung.pdf', 'Küchenplan – Entwurf.png', 'Foto Treppenhaus.jpg', 'Mietvertrag "Entwurf".docx', 'Übergabeprotokoll 😀.pdf']);
    const simple = await api.get(`/documents/${all[0]!.id}/content`, 'manager');
    assert.equal(simple.headers.get('content-disposition'), `attachment; filename="Hausordnung.pdf"; filename*=UTF-8''Hausordnung.pdf`);
    const quoted = disposition((await api.get(`/documents/${all[3]!.id}/content`, 'manager')).headers.get('content-disposition'));
    assert.ok(!quoted.ascii.includes('"') && quoted.ascii.endsWith('.docx'));
    // A fixture PNG.
    const png = await api.get('/documents/grundriss-max-planck-12-w002/content', 'contact:kristina-maiblume');
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.equal(png.headers.get('etag'), `"${sha(png.bytes)}"`);
    assert.equal(disposition(png.headers.get('content-disposition')).utf8, 'Grundriss Wohnung 002.png');
  });

  it('counts each download by a contact, never the manager\'s; GET /downloads has total and byContact with names', async () => {
    const id = 'grundriss-max-planck-12-w002';
    assert.deepEqual((await api.get(`/documents/${id}/downloads`, 'manager')).body, { total: 0, byContact: [] });
    await clock('2026-11-27T08:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:kristina-maiblume')).status, 200);
    await clock('2026-11-27T09:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:jonas-becker')).status, 200);
    await clock('2026-11-27T10:00:00Z');
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:kristina-maiblume')).status, 200);
    for (let i = 0; i < 3; i++) assert.equal((await api.get(`/documents/${id}/content`, 'manager')).status, 200);
    // Refused downloads count nothing either.
    assert.equal((await api.get(`/documents/${id}/content`, 'contact:lena-hoffmann')).status, 404);
    assert.equal((await api.get(`/documents/${id}/content`)).status, 401);
    // Reading the document is no download.
    await api.get(`/documents/${id}`, 'contact:kristina-maiblume');
    const doc = await api.get(`/documents/${id}`, 'manager');
    assert.equal(doc.body.downloadCount, 3);
    assert.equal((await api.get('/documents?scope=unit:max-planck-12-w002', 'manager')).body.items[0].downloadCount, 3);
    const stats = await api.get(`/documents/${id}/downloads`, 'manager');
    assert.equal(stats.status, 200);
    assert.equal(stats.body.total, 3);
    assert.deepEqual([...stats.body.byContact].sort((a: { contactId: string }, b: { contactId: string }) => byId(a.contactId, b.contactId)), [
      { contactId: 'jonas-becker', name: 'Jonas Becker', count: 1, lastAt: '2026-11-27T09:00:00.000Z' },
      { contactId: 'kristina-maiblume', name: 'Kristina Maiblume', count: 2, lastAt: '2026-11-27T10:00:00.000Z' },
    ]);
    // Other documents are untouched.
    assert.deepEqual((await api.get('/documents/energieausweis-rosenweg-24/downloads', 'manager')).body, { total: 0, byContact: [] });
    assertProblem(await api.get('/documents/no-such-document/downloads', 'manager'), 404, 'not_found');
  });
});
