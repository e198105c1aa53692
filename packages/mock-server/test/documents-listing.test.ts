/**
 * Listing documents over real HTTP: sorts and ties, limits, cursors (also under concurrent
 * changes). Filters and the large data set: documents-filters.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, type Doc, FIXTURE_DOCS, assertInvalid, mk, ids, byId, pages } from './documents-setup.ts';

// ------------------------------------------------------------------ listing

describe('GET /documents: sort orders and ties', () => {
  // Titles with their place in title order (folded: case, accents and "ß" do not count).
  const TITLES: Array<[string, number, string]> = [
    ['beta', 2, '2026-11-20T08:00:00.000Z'],
    ['Alpha', 0, '2026-11-20T08:00:00.000Z'],
    ['Älter', 1, '2026-11-21T08:00:00.000Z'],
    ['gamma', 3, '2026-11-21T08:00:00.000Z'],
    ['alpha', 0, '2026-11-21T08:00:00.000Z'],
    ['Zebra', 7, '2026-11-22T08:00:00.000Z'],
    ['beta', 2, '2026-11-19T08:00:00.000Z'],
    ['Straße 1', 4, '2026-11-23T08:00:00.000Z'],
    ['Strasse 2', 5, '2026-11-23T08:00:00.000Z'],
    ['Stroh', 6, '2026-11-18T08:00:00.000Z'],
  ];

  async function setUp() {
    const docs: Array<Doc & { rank: number }> = [];
    for (const [title, rank, at] of TITLES) docs.push({ ...(await mk(title, { at })), rank });
    const asc = {
      createdAt: [...docs]
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || byId(a.id, b.id))
        .map((d) => d.id),
      title: [...docs].sort((a, b) => a.rank - b.rank || byId(a.id, b.id)).map((d) => d.id),
    };
    return { docs, asc };
  }

  it('createdAt:desc is the default; asc/desc of createdAt and title, ties broken by id', async () => {
    const { docs, asc } = await setUp();
    for (const d of docs)
      assert.equal(d.createdAt, TITLES.find(([t, , at]) => t === d.title && at === d.createdAt)![2]);
    const scope = 'scope=unit:rosenweg-24-w001&limit=200';
    assert.deepEqual(ids(await api.get(`/documents?${scope}`, 'manager')), [...asc.createdAt].reverse());
    assert.deepEqual(
      ids(await api.get(`/documents?${scope}&sort=createdAt:desc`, 'manager')),
      [...asc.createdAt].reverse(),
    );
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=createdAt:asc`, 'manager')), asc.createdAt);
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=title:asc`, 'manager')), asc.title);
    assert.deepEqual(
      ids(await api.get(`/documents?${scope}&sort=title:desc`, 'manager')),
      [...asc.title].reverse(),
    );
    // The ties really are ties, so the id order is what decides.
    const same = docs
      .filter((d) => d.createdAt === '2026-11-21T08:00:00.000Z')
      .map((d) => d.id)
      .sort(byId);
    const listed = ids(await api.get(`/documents?${scope}&sort=createdAt:asc`, 'manager')).filter((id) =>
      same.includes(id),
    );
    assert.deepEqual(listed, same);
  });

  it('without a scope the manager gets every document, newest first', async () => {
    const { docs } = await setUp();
    const all = await api.get('/documents?limit=200', 'manager');
    assert.deepEqual(ids(all).sort(), [...FIXTURE_DOCS, ...docs.map((d) => d.id)].sort());
    const times = all.body.items.map((d: Doc) => Date.parse(d.createdAt));
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] >= times[i]);
    assert.equal(all.body.nextCursor, null);
    // Default limit is 50: everything fits, no cursor.
    const dflt = await api.get('/documents', 'manager');
    assert.equal(dflt.body.items.length, FIXTURE_DOCS.length + docs.length);
  });

  it('paging through every sort with small pages gives each document exactly once, in order', async () => {
    const { asc } = await setUp();
    for (const [sort, expected] of [
      ['createdAt:desc', [...asc.createdAt].reverse()],
      ['createdAt:asc', asc.createdAt],
      ['title:asc', asc.title],
      ['title:desc', [...asc.title].reverse()],
    ] as const) {
      for (const limit of [1, 3, 4]) {
        const { items, pages: n } = await pages(
          `/documents?scope=unit:rosenweg-24-w001&sort=${sort}`,
          'manager',
          limit,
        );
        assert.deepEqual(
          items.map((d) => d.id),
          expected,
          `${sort} limit ${limit}`,
        );
        assert.equal(n, Math.ceil(expected.length / limit), `${sort} limit ${limit}: pages`);
      }
    }
    // The whole store as well, across scopes.
    const all = await pages('/documents?sort=title:asc', 'manager', 3);
    assert.equal(new Set(all.items.map((d) => d.id)).size, FIXTURE_DOCS.length + TITLES.length);
    assert.equal(all.items.length, FIXTURE_DOCS.length + TITLES.length);
  });

  it('a page size that divides the total exactly ends with nextCursor null, never an empty extra page', async () => {
    await setUp();
    const r = await api.get('/documents?scope=unit:rosenweg-24-w001&limit=10', 'manager');
    assert.equal(r.body.items.length, 10);
    assert.equal(r.body.nextCursor, null);
    const r5 = await api.get('/documents?scope=unit:rosenweg-24-w001&limit=5', 'manager');
    assert.notEqual(r5.body.nextCursor, null);
    const r5b = await api.get(
      `/documents?scope=unit:rosenweg-24-w001&limit=5&cursor=${encodeURIComponent(r5.body.nextCursor)}`,
      'manager',
    );
    assert.equal(r5b.body.items.length, 5);
    assert.equal(r5b.body.nextCursor, null);
  });
});

describe('GET /documents: limit and cursor validation', () => {
  it('limit 1 and 200 are fine; 0, 201, -1, 1.5, x and empty are 422 naming limit', async () => {
    assert.equal((await api.get('/documents?limit=1', 'manager')).body.items.length, 1);
    assert.equal((await api.get('/documents?limit=200', 'manager')).status, 200);
    for (const bad of ['0', '201', '-1', '1.5', 'x', '', '1e9']) {
      assertInvalid(await api.get(`/documents?limit=${bad}`, 'manager'), 'limit', `limit=${bad}`);
      assertInvalid(
        await api.get(`/documents?limit=${bad}`, 'contact:ahmet-yilmaz'),
        'limit',
        `contact, limit=${bad}`,
      );
    }
  });

  it("a cursor that is not the server's, or of another sort, is 422 naming cursor", async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of [
      'garbage!!',
      'bm90IGpzb24',
      b64('{"a":1}'),
      b64('["createdAt:desc","yesterday","x"]'),
      b64('["title:asc",5,"x"]'),
      b64('[1,2]'),
      b64('["createdAt:desc",1,2]'),
    ]) {
      assertInvalid(await api.get(`/documents?cursor=${encodeURIComponent(bad)}`, 'manager'), 'cursor', bad);
    }
    const first = await api.get('/documents?limit=1&sort=title:asc', 'manager');
    const cursor = encodeURIComponent(first.body.nextCursor);
    assert.equal(
      (await api.get(`/documents?limit=1&sort=title:asc&cursor=${cursor}`, 'manager')).status,
      200,
    );
    for (const other of ['title:desc', 'createdAt:asc', 'createdAt:desc'])
      assertInvalid(
        await api.get(`/documents?limit=1&sort=${other}&cursor=${cursor}`, 'manager'),
        'cursor',
        other,
      );
    assertInvalid(await api.get(`/documents?limit=1&cursor=${cursor}`, 'manager'), 'cursor', 'default sort');
  });

  it('bad sort, scope, includeSubtypes or documentTypeId are 422 naming the field', async () => {
    assertInvalid(await api.get('/documents?sort=title', 'manager'), 'sort');
    assertInvalid(await api.get('/documents?sort=size:asc', 'manager'), 'sort');
    assertInvalid(await api.get('/documents?scope=rosenweg-24', 'manager'), 'scope');
    assertInvalid(await api.get('/documents?scope=building:rosenweg-24', 'manager'), 'scope');
    assertInvalid(await api.get('/documents?scope=property:no-such-property', 'manager'), 'scope');
    assertInvalid(
      await api.get('/documents?includeSubtypes=yes&documentTypeId=abrechnungen', 'manager'),
      'includeSubtypes',
    );
    assertInvalid(await api.get('/documents?documentTypeId=no-such-type', 'manager'), 'documentTypeId');
  });
});

describe('GET /documents: cursors under concurrent changes', () => {
  it('createdAt:desc: inserts between pages (newer, older, same instant) give no duplicates and skip nothing that existed', async () => {
    const times = [
      '2026-11-01',
      '2026-11-02',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-04',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
    ];
    const existing: Doc[] = [];
    for (const [i, t] of times.entries()) existing.push(await mk(`Bestand ${i}`, { at: `${t}T12:00:00Z` }));
    const expected = [...existing]
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b.id, a.id))
      .map((d) => d.id);
    const inserted: string[] = [];
    const { items } = await pages('/documents?scope=unit:rosenweg-24-w001', 'manager', 2, async (n) => {
      if (n > 4) return;
      inserted.push((await mk(`Neu ${n}`, { at: `2026-11-2${n}T12:00:00Z` })).id); // newer than everything
      inserted.push((await mk(`Alt ${n}`, { at: `2026-10-0${n}T12:00:00Z` })).id); // older than everything
      inserted.push((await mk(`Gleich ${n}`, { at: '2026-11-04T12:00:00Z' })).id); // a tie somewhere in the middle
    });
    const got = items.map((d) => d.id);
    assert.equal(new Set(got).size, got.length, 'no duplicates');
    assert.deepEqual(
      got.filter((id) => !inserted.includes(id)),
      expected,
      'every pre-existing document once, in order',
    );
    // The order of the whole answer is still the sort order.
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      assert.ok(
        Date.parse(a.createdAt) > Date.parse(b.createdAt) || (a.createdAt === b.createdAt && a.id > b.id),
        `order at ${i}`,
      );
    }
    // Older inserts lie ahead of the cursor and show up; newer ones lie behind it and do not.
    for (const d of items) assert.ok(!d.title.startsWith('Neu '), `${d.title} lies behind the cursor`);
    assert.ok(items.some((d) => d.title.startsWith('Alt ')));
  });

  it('title:asc and createdAt:asc: inserts and a deleted cursor document skip nothing', async () => {
    const titles = ['Anna', 'Berta', 'Cäsar', 'Dora', 'Emil', 'Friedrich', 'Gustav', 'Heinrich'];
    const existing: Doc[] = [];
    for (const [i, t] of titles.entries()) existing.push(await mk(t, { at: `2026-11-0${i + 1}T12:00:00Z` }));
    for (const sort of ['title:asc', 'createdAt:asc'] as const) {
      const inserted: string[] = [];
      const deleted: string[] = [];
      const { items } = await pages(
        `/documents?scope=unit:rosenweg-24-w001&sort=${sort}`,
        'manager',
        3,
        async (n, page) => {
          if (n === 1) {
            // Delete the document the cursor points at: the next page still starts right after it.
            const last = page[page.length - 1]!.id;
            deleted.push(last);
            assert.equal((await api.del(`/documents/${last}`, 'manager')).status, 204);
          }
          inserted.push((await mk(`Aaron ${sort} ${n}`, { at: '2026-10-01T12:00:00Z' })).id);
          inserted.push((await mk(`Zacharias ${sort} ${n}`, { at: '2026-12-01T12:00:00Z' })).id);
        },
      );
      const got = items.map((d) => d.id);
      assert.equal(new Set(got).size, got.length, `${sort}: no duplicates`);
      const pre = got.filter((id) => existing.some((e) => e.id === id));
      const stillThere = existing
        .filter((e) => !deleted.includes(e.id) || got.includes(e.id))
        .map((e) => e.id);
      assert.deepEqual(pre, stillThere, `${sort}: every pre-existing document once, in order`);
      // Inserts sorting after the cursor are listed, those before it are not.
      assert.ok(
        items.some((d) => d.title.startsWith('Zacharias')),
        sort,
      );
      assert.ok(!items.some((d) => d.title.startsWith('Aaron')), sort);
      for (const id of [...inserted]) await api.del(`/documents/${id}`, 'manager');
      existing.splice(0, existing.length, ...existing.filter((e) => !deleted.includes(e.id)));
    }
  });
});
