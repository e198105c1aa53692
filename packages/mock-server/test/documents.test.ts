/**
 * Single documents over real HTTP: ETag, If-Match, PATCH rules, deletion. Their bytes:
 * documents-content.test.ts; listings: documents-listing.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makePdf } from '../src/fixtures/files.ts';
import { api, W001, assertProblem, assertInvalid, clock, mk, ids } from './documents-setup.ts';

// ------------------------------------------------------------------ one document

describe('GET and PATCH /documents/{id}', () => {
  it('GET sends ETag "<version>"; PATCH raises the version and the ETag', async () => {
    const g = await api.get('/documents/energieausweis-rosenweg-24', 'manager');
    assert.equal(g.headers.get('etag'), '"1"');
    assert.equal(g.body.version, 1);
    assert.equal(
      (await api.get('/documents/energieausweis-rosenweg-24', 'contact:ahmet-yilmaz')).headers.get('etag'),
      '"1"',
    );
    await clock('2026-11-27T10:00:00Z');
    const p = await api.patch(
      '/documents/energieausweis-rosenweg-24',
      { title: 'Energieausweis 2034' },
      'manager',
    );
    assert.equal(p.status, 200);
    assert.equal(p.body.version, 2);
    assert.equal(p.body.updatedAt, '2026-11-27T10:00:00.000Z');
    assert.equal(p.body.createdAt, g.body.createdAt);
    assert.equal(p.headers.get('etag'), '"2"');
    assert.equal(
      (await api.get('/documents/energieausweis-rosenweg-24', 'manager')).headers.get('etag'),
      '"2"',
    );
    // Each change raises it once more: title, type, shares.
    assert.equal(
      (
        await api.patch(
          '/documents/energieausweis-rosenweg-24',
          { documentTypeId: 'objektunterlagen' },
          'manager',
        )
      ).body.version,
      3,
    );
    assert.equal(
      (await api.patch('/documents/energieausweis-rosenweg-24', { shares: [] }, 'manager')).body.version,
      4,
    );
    assert.equal(
      (
        await api.patch(
          '/documents/energieausweis-rosenweg-24',
          {
            title: 'X',
            documentTypeId: 'plaene',
            shares: [{ kind: 'group', groupId: 'rosenweg-24-beirat' }],
          },
          'manager',
        )
      ).body.version,
      5,
    );
    // A patch that changes nothing is no change.
    const same = await api.patch('/documents/energieausweis-rosenweg-24', { title: 'X' }, 'manager');
    assert.equal(same.status, 200);
    assert.equal(same.body.version, 5);
    assert.equal((await api.patch('/documents/energieausweis-rosenweg-24', {}, 'manager')).body.version, 5);
  });

  it('If-Match with the current version applies; with an older one → 412 and nothing changed', async () => {
    const ok = await api.patch(
      '/documents/grundriss-max-planck-12-w002',
      { title: 'Grundriss A' },
      'manager',
      { 'If-Match': '"1"' },
    );
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, 2);
    const before = await api.get('/documents/grundriss-max-planck-12-w002', 'manager');
    for (const stale of ['"1"', '"0"', '"3"', '1', 'W/"1"', '"1", "0"']) {
      const r = await api.patch(
        '/documents/grundriss-max-planck-12-w002',
        { title: 'Grundriss B', shares: [] },
        'manager',
        { 'If-Match': stale },
      );
      assertProblem(r, 412, 'precondition_failed', stale);
    }
    assert.deepEqual((await api.get('/documents/grundriss-max-planck-12-w002', 'manager')).body, before.body);
    assert.equal(
      (await api.get('/documents/grundriss-max-planck-12-w002', 'contact:kristina-maiblume')).status,
      200,
      'the shares are unchanged',
    );
    // If-Match compares strongly (RFC 9110 13.1.1): the current version as a weak tag does not match.
    assertProblem(
      await api.patch('/documents/grundriss-max-planck-12-w002', { title: 'Grundriss W' }, 'manager', {
        'If-Match': 'W/"2"',
      }),
      412,
      'precondition_failed',
      'W/"2"',
    );
    // The current one (also among others) works.
    const cur = await api.patch(
      '/documents/grundriss-max-planck-12-w002',
      { title: 'Grundriss C' },
      'manager',
      { 'If-Match': '"1", "2"' },
    );
    assert.equal(cur.status, 200);
    assert.equal(cur.body.version, 3);
    // Order of checks: 422 before 412, 404 before 412.
    assertInvalid(
      await api.patch('/documents/grundriss-max-planck-12-w002', { title: '' }, 'manager', {
        'If-Match': '"1"',
      }),
      'title',
    );
    assertProblem(
      await api.patch('/documents/no-such-document', { title: 'x' }, 'manager', { 'If-Match': '"1"' }),
      404,
      'not_found',
    );
  });

  it('titles are stored trimmed, 1–200 code points, without control characters', async () => {
    const id = 'wirtschaftsplan-2027-rosenweg-24';
    const set = (title: unknown) => api.patch(`/documents/${id}`, { title }, 'manager');
    assert.equal((await set('  Wirtschaftsplan 2028  ')).body.title, 'Wirtschaftsplan 2028');
    assert.equal((await api.get(`/documents/${id}`, 'manager')).body.title, 'Wirtschaftsplan 2028');
    const emoji200 = '😀'.repeat(200);
    assert.equal((await set(emoji200)).body.title, emoji200, '200 code points (400 UTF-16 units) are fine');
    assert.equal((await set('a'.repeat(200))).body.title, 'a'.repeat(200));
    assert.equal(
      (await set(`  ${'b'.repeat(200)}  `)).body.title,
      'b'.repeat(200),
      'trimmed before counting',
    );
    assert.equal((await set('Ünïcödé – “Anführung” & <b>')).body.title, 'Ünïcödé – “Anführung” & <b>');
    const before = await api.get(`/documents/${id}`, 'manager');
    for (const bad of [
      '',
      '   ',
      '😀'.repeat(201),
      'a'.repeat(201),
      'Zeile\nZwei',
      'a\u0000b',
      'Tab\tTitel',
      'x\u007fy',
      'C1\u0085',
      'Bell\u0007',
      42,
      null,
    ]) {
      assertInvalid(await set(bad), 'title', JSON.stringify(bad));
    }
    assert.deepEqual((await api.get(`/documents/${id}`, 'manager')).body, before.body);
    // The same rules when a document is created.
    const bytes = makePdf('T');
    for (const [title, ok] of [
      ['  Getrimmt  ', 'Getrimmt'],
      ['a\u0001', null],
      ['', null],
      ['x'.repeat(201), null],
    ] as const) {
      const r = await api.upload(
        { name: 'T.pdf', bytes, type: 'application/pdf' },
        { title, documentTypeId: 'plaene', scope: W001, shares: [] },
      );
      if (ok) {
        assert.equal(r.status, 201);
        assert.equal(r.body.title, ok);
      } else assertInvalid(r, 'title', JSON.stringify(title));
    }
  });

  it('a share list in a PATCH replaces the whole list', async () => {
    await clock('2026-11-27T10:00:00Z');
    const d = await mk('Aushang', {
      scope: { kind: 'property', id: 'rosenweg-24' },
      shares: [
        { kind: 'property', propertyId: 'rosenweg-24', roles: ['tenant'] },
        { kind: 'group', groupId: 'rosenweg-24-beirat' },
      ],
    });
    assert.equal(d.recipientCount, 6);
    const sees = async (who: string) =>
      (await api.get(`/documents/${d.id}`, `contact:${who}`)).status === 200;
    assert.deepEqual(
      [await sees('elif-demir'), await sees('sophie-wagner'), await sees('ahmet-yilmaz')],
      [true, true, true],
    );
    const p = await api.patch(
      `/documents/${d.id}`,
      { shares: [{ kind: 'contact', contactId: 'ahmet-yilmaz' }] },
      'manager',
    );
    assert.equal(p.status, 200);
    assert.deepEqual(p.body.shares, [{ kind: 'contact', contactId: 'ahmet-yilmaz' }]);
    assert.equal(p.body.recipientCount, 1);
    assert.deepEqual(
      [await sees('elif-demir'), await sees('sophie-wagner'), await sees('ahmet-yilmaz')],
      [false, false, true],
    );
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
    assertInvalid(
      await api.patch(`/documents/${id}`, { documentTypeId: 'no-such-type' }, 'manager'),
      'documentTypeId',
    );
    assertInvalid(
      await api.patch(
        `/documents/${id}`,
        {
          shares: [
            { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] },
            { kind: 'contact', contactId: 'nobody' },
          ],
        },
        'manager',
      ),
      'shares.1.contactId',
    );
    assertInvalid(
      await api.patch(
        `/documents/${id}`,
        { shares: [{ kind: 'group', groupId: 'no-such-group' }] },
        'manager',
      ),
      'shares.0.groupId',
    );
    assertInvalid(
      await api.patch(
        `/documents/${id}`,
        { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: [] }] },
        'manager',
      ),
      'shares.0.roles',
    );
    assertInvalid(
      await api.patch(
        `/documents/${id}`,
        { shares: [{ kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant', 'tenant'] }] },
        'manager',
      ),
      'shares.0.roles',
    );
    assertInvalid(
      await api.patch(`/documents/${id}`, { shares: [{ kind: 'street', streetId: 'x' }] }, 'manager'),
      'shares.0.kind',
    );
    // Unit-scoped document: another unit, the whole property, a neighbour are outside.
    for (const [target, what] of [
      [{ kind: 'unit', unitId: 'max-planck-12-w001', roles: ['tenant'] }, 'another unit'],
      [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }, 'the whole property'],
      [{ kind: 'contact', contactId: 'lena-hoffmann' }, 'a neighbour'],
      [{ kind: 'address', addressId: 'max-planck-12', roles: ['owner'] }, 'the address'],
      [{ kind: 'group', groupId: 'max-planck-12-beirat' }, 'a group'],
    ] as const) {
      const r = await api.patch(
        `/documents/${id}`,
        { shares: [{ kind: 'contact', contactId: 'kristina-maiblume' }, target] },
        'manager',
      );
      assertProblem(r, 422, 'target_out_of_scope', what);
      assert.deepEqual(
        r.body.errors.map((e: { path: string }) => e.path),
        ['shares.1'],
        what,
      );
    }
    // Property-scoped document: a target of another property is outside.
    const r = await api.patch(
      '/documents/energieausweis-rosenweg-24',
      {
        shares: [
          { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['tenant'] },
          { kind: 'contact', contactId: 'kristina-maiblume' },
        ],
      },
      'manager',
    );
    assertProblem(r, 422, 'target_out_of_scope');
    assert.deepEqual(
      r.body.errors.map((e: { path: string }) => e.path),
      ['shares.0', 'shares.1'],
    );
    assert.deepEqual((await api.get(`/documents/${id}`, 'manager')).body, before.body);
    // Unknown path id → 404; malformed JSON → 400.
    assertProblem(
      await api.patch('/documents/no-such-document', { title: 'x' }, 'manager'),
      404,
      'not_found',
    );
    assertProblem(
      await api.call('PATCH', `/documents/${id}`, {
        token: 'manager',
        body: '{"title":',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      'bad_request',
    );
    // Inside the scope is fine.
    const ok = await api.patch(
      `/documents/${id}`,
      {
        shares: [
          { kind: 'contact', contactId: 'jonas-becker' },
          { kind: 'unit', unitId: 'max-planck-12-w002', roles: ['owner'] },
        ],
      },
      'manager',
    );
    assert.equal(ok.status, 200);
    assert.equal(ok.body.recipientCount, 1);
  });

  it('a new documentTypeId moves the document between folders', async () => {
    const r = await api.patch(
      '/documents/energieausweis-rosenweg-24',
      { documentTypeId: 'bedienungsanleitungen' },
      'manager',
    );
    assert.equal(r.body.documentTypeId, 'bedienungsanleitungen');
    assert.deepEqual(ids(await api.get('/documents?documentTypeId=bedienungsanleitungen', 'manager')), [
      'energieausweis-rosenweg-24',
    ]);
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
