/**
 * Documents over real HTTP: listing (sorts, limits, cursors, filters), single documents (ETag,
 * If-Match, PATCH rules), deletion, file bytes and their headers, download counts; and listings
 * on the large data set (correctness, not timing).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, beforeEach, describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { makeDocx, makeJpeg, makePdf, makePng } from '../src/fixtures/files.ts';
import { useServer, type Answer, type Api } from './helpers.ts';

const api = useServer();
// A fixed day, so that relations (some begin in 2030) resolve the same whenever the suite runs.
beforeEach(() => api.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' }));

type Scope = { kind: 'property' | 'unit'; id: string };
interface Doc { id: string; title: string; fileName: string; mimeType: string; size: number; sha256: string; documentTypeId: string; scope: Scope; shares: ShareTarget[]; createdAt: string; updatedAt: string; version: number; recipientCount: number; downloadCount: number }

const FIXTURE_DOCS = ['energieausweis-rosenweg-24', 'wirtschaftsplan-2027-rosenweg-24', 'protokoll-eigentuemerversammlung-2026', 'grundriss-max-planck-12-w002'];
const W001: Scope = { kind: 'unit', id: 'rosenweg-24-w001' };

function assertProblem(r: Answer, status: number, code: string, what = ''): void {
  assert.equal(r.status, status, `${what}: got ${r.status} ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.code, code, what);
  assert.equal(r.body.status, status, what);
}

function assertInvalid(r: Answer, path: string, what = ''): void {
  assertProblem(r, 422, 'validation_failed', what);
  assert.ok(Array.isArray(r.body.errors) && r.body.errors.some((e: { path: string }) => e.path === path), `${what}: errors name ${path}: ${JSON.stringify(r.body.errors)}`);
}

const clock = (now: string) => api.control('POST', '/clock', { now });

/** Uploads a PDF (at `at` when given) and answers the created document. */
async function mk(title: string, o: { at?: string; scope?: Scope; shares?: ShareTarget[]; type?: string; on?: Api } = {}): Promise<Doc> {
  const a = o.on ?? api;
  if (o.at) await a.control('POST', '/clock', { now: o.at });
  const r = await a.upload({ name: `${title}.pdf`, bytes: makePdf(title), type: 'application/pdf' }, { title, documentTypeId: o.type ?? 'objektunterlagen', scope: o.scope ?? W001, shares: o.shares ?? [] });
  assert.equal(r.status, 201, `upload ${title}: ${JSON.stringify(r.body)}`);
  return r.body;
}

const ids = (r: Answer) => r.body.items.map((d: { id: string }) => d.id) as string[];
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every page of a listing, following nextCursor. */
async function pages(path: string, token = 'manager', limit = 2, between?: (page: number, last: Doc[]) => Promise<void>): Promise<{ items: Doc[]; pages: number }> {
  const items: Doc[] = [];
  let cursor: string | null = null;
  let n = 0;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const r: Answer = await api.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.items.length <= limit);
    if (r.body.nextCursor !== null) assert.equal(r.body.items.length, limit, 'only the last page may be short');
    items.push(...r.body.items);
    cursor = r.body.nextCursor;
    n++;
    assert.ok(n < 10_000, 'the paging must end');
    if (cursor && between) await between(n, r.body.items);
  } while (cursor);
  return { items, pages: n };
}

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
      createdAt: [...docs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || byId(a.id, b.id)).map((d) => d.id),
      title: [...docs].sort((a, b) => a.rank - b.rank || byId(a.id, b.id)).map((d) => d.id),
    };
    return { docs, asc };
  }

  it('createdAt:desc is the default; asc/desc of createdAt and title, ties broken by id', async () => {
    const { docs, asc } = await setUp();
    for (const d of docs) assert.equal(d.createdAt, TITLES.find(([t, , at]) => t === d.title && at === d.createdAt)![2]);
    const scope = 'scope=unit:rosenweg-24-w001&limit=200';
    assert.deepEqual(ids(await api.get(`/documents?${scope}`, 'manager')), [...asc.createdAt].reverse());
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=createdAt:desc`, 'manager')), [...asc.createdAt].reverse());
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=createdAt:asc`, 'manager')), asc.createdAt);
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=title:asc`, 'manager')), asc.title);
    assert.deepEqual(ids(await api.get(`/documents?${scope}&sort=title:desc`, 'manager')), [...asc.title].reverse());
    // The ties really are ties, so the id order is what decides.
    const same = docs.filter((d) => d.createdAt === '2026-11-21T08:00:00.000Z').map((d) => d.id).sort(byId);
    const listed = ids(await api.get(`/documents?${scope}&sort=createdAt:asc`, 'manager')).filter((id) => same.includes(id));
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
    for (const [sort, expected] of [['createdAt:desc', [...asc.createdAt].reverse()], ['createdAt:asc', asc.createdAt], ['title:asc', asc.title], ['title:desc', [...asc.title].reverse()]] as const) {
      for (const limit of [1, 3, 4]) {
        const { items, pages: n } = await pages(`/documents?scope=unit:rosenweg-24-w001&sort=${sort}`, 'manager', limit);
        assert.deepEqual(items.map((d) => d.id), expected, `${sort} limit ${limit}`);
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
    const r5b = await api.get(`/documents?scope=unit:rosenweg-24-w001&limit=5&cursor=${encodeURIComponent(r5.body.nextCursor)}`, 'manager');
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
      assertInvalid(await api.get(`/documents?limit=${bad}`, 'contact:ahmet-yilmaz'), 'limit', `contact, limit=${bad}`);
    }
  });

  it('a cursor that is not the server\'s, or of another sort, is 422 naming cursor', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['garbage!!', 'bm90IGpzb24', b64('{"a":1}'), b64('["createdAt:desc","yesterday","x"]'), b64('["title:asc",5,"x"]'), b64('[1,2]'), b64('["createdAt:desc",1,2]')]) {
      assertInvalid(await api.get(`/documents?cursor=${encodeURIComponent(bad)}`, 'manager'), 'cursor', bad);
    }
    const first = await api.get('/documents?limit=1&sort=title:asc', 'manager');
    const cursor = encodeURIComponent(first.body.nextCursor);
    assert.equal((await api.get(`/documents?limit=1&sort=title:asc&cursor=${cursor}`, 'manager')).status, 200);
    for (const other of ['title:desc', 'createdAt:asc', 'createdAt:desc']) assertInvalid(await api.get(`/documents?limit=1&sort=${other}&cursor=${cursor}`, 'manager'), 'cursor', other);
    assertInvalid(await api.get(`/documents?limit=1&cursor=${cursor}`, 'manager'), 'cursor', 'default sort');
  });

  it('bad sort, scope, includeSubtypes or documentTypeId are 422 naming the field', async () => {
    assertInvalid(await api.get('/documents?sort=title', 'manager'), 'sort');
    assertInvalid(await api.get('/documents?sort=size:asc', 'manager'), 'sort');
    assertInvalid(await api.get('/documents?scope=rosenweg-24', 'manager'), 'scope');
    assertInvalid(await api.get('/documents?scope=building:rosenweg-24', 'manager'), 'scope');
    assertInvalid(await api.get('/documents?scope=property:no-such-property', 'manager'), 'scope');
    assertInvalid(await api.get('/documents?includeSubtypes=yes&documentTypeId=abrechnungen', 'manager'), 'includeSubtypes');
    assertInvalid(await api.get('/documents?documentTypeId=no-such-type', 'manager'), 'documentTypeId');
  });
});

describe('GET /documents: cursors under concurrent changes', () => {
  it('createdAt:desc: inserts between pages (newer, older, same instant) give no duplicates and skip nothing that existed', async () => {
    const times = ['2026-11-01', '2026-11-02', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-04', '2026-11-04', '2026-11-05', '2026-11-06'];
    const existing: Doc[] = [];
    for (const [i, t] of times.entries()) existing.push(await mk(`Bestand ${i}`, { at: `${t}T12:00:00Z` }));
    const expected = [...existing].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b.id, a.id)).map((d) => d.id);
    const inserted: string[] = [];
    const { items } = await pages('/documents?scope=unit:rosenweg-24-w001', 'manager', 2, async (n) => {
      if (n > 4) return;
      inserted.push((await mk(`Neu ${n}`, { at: `2026-11-2${n}T12:00:00Z` })).id); // newer than everything
      inserted.push((await mk(`Alt ${n}`, { at: `2026-10-0${n}T12:00:00Z` })).id); // older than everything
      inserted.push((await mk(`Gleich ${n}`, { at: '2026-11-04T12:00:00Z' })).id); // a tie somewhere in the middle
    });
    const got = items.map((d) => d.id);
    assert.equal(new Set(got).size, got.length, 'no duplicates');
    assert.deepEqual(got.filter((id) => !inserted.includes(id)), expected, 'every pre-existing document once, in order');
    // The order of the whole answer is still the sort order.
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      assert.ok(Date.parse(a.createdAt) > Date.parse(b.createdAt) || (a.createdAt === b.createdAt && a.id > b.id), `order at ${i}`);
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
      const { items } = await pages(`/documents?scope=unit:rosenweg-24-w001&sort=${sort}`, 'manager', 3, async (n, page) => {
        if (n === 1) {
          // Delete the document the cursor points at: the next page still starts right after it.
          const last = page[page.length - 1]!.id;
          deleted.push(last);
          assert.equal((await api.del(`/documents/${last}`, 'manager')).status, 204);
        }
        inserted.push((await mk(`Aaron ${sort} ${n}`, { at: '2026-10-01T12:00:00Z' })).id);
        inserted.push((await mk(`Zacharias ${sort} ${n}`, { at: '2026-12-01T12:00:00Z' })).id);
      });
      const got = items.map((d) => d.id);
      assert.equal(new Set(got).size, got.length, `${sort}: no duplicates`);
      const pre = got.filter((id) => existing.some((e) => e.id === id));
      const stillThere = existing.filter((e) => !deleted.includes(e.id) || got.includes(e.id)).map((e) => e.id);
      assert.deepEqual(pre, stillThere, `${sort}: every pre-existing document once, in order`);
      // Inserts sorting after the cursor are listed, those before it are not.
      assert.ok(items.some((d) => d.title.startsWith('Zacharias')), sort);
      assert.ok(!items.some((d) => d.title.startsWith('Aaron')), sort);
      for (const id of [...inserted]) await api.del(`/documents/${id}`, 'manager');
      existing.splice(0, existing.length, ...existing.filter((e) => !deleted.includes(e.id)));
    }
  });
});

describe('GET /documents: filters', () => {
  it('a property scope includes the documents of its units; a unit scope only its own', async () => {
    const w001 = await mk('Zählerstand w001', { scope: { kind: 'unit', id: 'max-planck-12-w001' } });
    const prop = await mk('Aushang Max-Planck', { scope: { kind: 'property', id: 'max-planck-12' } });
    const sortIds = (r: Answer) => ids(r).sort();
    assert.deepEqual(sortIds(await api.get('/documents?scope=property:max-planck-12', 'manager')), ['grundriss-max-planck-12-w002', 'protokoll-eigentuemerversammlung-2026', w001.id, prop.id].sort());
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w002', 'manager')), ['grundriss-max-planck-12-w002']);
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w001', 'manager')), [w001.id]);
    assert.deepEqual(ids(await api.get('/documents?scope=unit:max-planck-12-w003', 'manager')), []);
    assert.deepEqual(sortIds(await api.get('/documents?scope=property:rosenweg-24', 'manager')), ['energieausweis-rosenweg-24', 'wirtschaftsplan-2027-rosenweg-24']);
  });

  it('documentTypeId filters one type; includeSubtypes=true its subtree', async () => {
    const own = await mk('Objektunterlage selbst', { type: 'objektunterlagen', scope: { kind: 'property', id: 'rosenweg-24' } });
    const deep = await mk('Nebenkosten 2026', { type: 'nebenkostenabrechnungen', scope: { kind: 'property', id: 'rosenweg-24' } });
    const q = async (s: string) => ids(await api.get(`/documents?${s}`, 'manager')).sort();
    assert.deepEqual(await q('documentTypeId=objektunterlagen'), [own.id]);
    assert.deepEqual(await q('documentTypeId=objektunterlagen&includeSubtypes=false'), [own.id]);
    assert.deepEqual(await q('documentTypeId=objektunterlagen&includeSubtypes=true'), [own.id, 'energieausweis-rosenweg-24', 'grundriss-max-planck-12-w002'].sort());
    assert.deepEqual(await q('documentTypeId=abrechnungen'), []);
    assert.deepEqual(await q('documentTypeId=abrechnungen&includeSubtypes=true'), [deep.id, 'wirtschaftsplan-2027-rosenweg-24'].sort());
    assert.deepEqual(await q('documentTypeId=plaene&includeSubtypes=true'), ['grundriss-max-planck-12-w002']);
    // Combined with a scope, and with a contact's visibility.
    assert.deepEqual(await q('documentTypeId=objektunterlagen&includeSubtypes=true&scope=property:rosenweg-24'), [own.id, 'energieausweis-rosenweg-24'].sort());
    assert.deepEqual(await q('documentTypeId=objektunterlagen&includeSubtypes=true&scope=unit:max-planck-12-w002'), ['grundriss-max-planck-12-w002']);
    const kristina = await api.get('/documents?documentTypeId=objektunterlagen&includeSubtypes=true', 'contact:kristina-maiblume');
    assert.deepEqual(ids(kristina), ['grundriss-max-planck-12-w002']);
    // A type that gains a subtype: the subtree follows.
    const sub = await api.post('/document-types', { name: 'Heizung', parentId: 'objektunterlagen' }, 'manager');
    const inSub = await mk('Heizungsplan', { type: sub.body.id, scope: { kind: 'property', id: 'rosenweg-24' } });
    assert.ok((await q('documentTypeId=objektunterlagen&includeSubtypes=true')).includes(inSub.id));
    assert.ok(!(await q('documentTypeId=objektunterlagen')).includes(inSub.id));
  });

  it('q is case- and accent-insensitive ("straße" = "strasse")', async () => {
    const street = await mk('Hausordnung Max-Planck-Straße', { scope: { kind: 'property', id: 'max-planck-12' }, shares: [{ kind: 'property', propertyId: 'max-planck-12', roles: ['tenant'] }] });
    const cafe = await mk('Café im Erdgeschoss', { scope: { kind: 'property', id: 'max-planck-12' } });
    const q = async (s: string, token = 'manager') => ids(await api.get(`/documents?q=${encodeURIComponent(s)}`, token)).sort();
    assert.deepEqual(await q('EIGENTUMER'), ['protokoll-eigentuemerversammlung-2026']);
    assert.deepEqual(await q('eigentümerversammlung'), ['protokoll-eigentuemerversammlung-2026']);
    assert.deepEqual(await q('energieausweis'), ['energieausweis-rosenweg-24']);
    for (const s of ['strasse', 'straße', 'STRASSE', 'Straße', 'max-planck-strasse']) assert.deepEqual(await q(s), [street.id], s);
    for (const s of ['cafe', 'CAFÉ', 'café']) assert.deepEqual(await q(s), [cafe.id], s);
    assert.deepEqual(await q('  grundriss wohnung  '), ['grundriss-max-planck-12-w002']);
    assert.deepEqual(await q('hausordnung'), [street.id]);
    assert.deepEqual(await q('kein solches dokument'), []);
    // With a contact: only what they see matches.
    assert.deepEqual(await q('hausordnung', 'contact:lena-hoffmann'), [street.id]);
    assert.deepEqual(await q('hausordnung', 'contact:jonas-becker'), []);
    assert.deepEqual(await q('protokoll', 'contact:kristina-maiblume'), []);
    assert.deepEqual(await q('protokoll', 'contact:jonas-becker'), ['protokoll-eigentuemerversammlung-2026']);
    // q and paging together.
    const paged = await pages(`/documents?q=${encodeURIComponent('a')}&sort=title:asc`, 'manager', 1);
    assert.deepEqual(paged.items.map((d) => d.id).sort(), (await q('a')).sort());
  });
});

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

// ------------------------------------------------------------------ the large data set

describe('large data set: listings are correct', () => {
  const big = useServer({ resetEach: false });
  /** Every document of the estate, as the manager sees it (createdAt:desc). */
  let estate: Doc[] = [];

  before(async () => {
    await big.reset({ dataset: 'large' });
    await big.control('POST', '/clock', { now: '2026-11-27T09:00:00Z' });
  });

  async function bigPages(path: string, token = 'manager', limit = 50): Promise<Doc[]> {
    const items: Doc[] = [];
    let cursor: string | null = null;
    const sep = path.includes('?') ? '&' : '?';
    do {
      const r: Answer = await big.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      if (r.body.nextCursor !== null) assert.equal(r.body.items.length, limit);
      items.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('pages of 50 through scope property:grosssiedlung: each document once, in order, as many as the type tree counts', async () => {
    estate = await bigPages('/documents?scope=property:grosssiedlung');
    assert.equal(new Set(estate.map((d) => d.id)).size, estate.length, 'no duplicates');
    assert.ok(estate.length >= 20_000, `${estate.length} documents`);
    for (let i = 1; i < estate.length; i++) {
      const a = estate[i - 1]!;
      const b = estate[i]!;
      assert.ok(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), `order at ${i}`);
    }
    const types = await big.get('/document-types?scope=property:grosssiedlung', 'manager');
    const counted = types.body.items.reduce((n: number, t: { documentCount: number }) => n + t.documentCount, 0);
    assert.equal(estate.length, counted);
    for (const d of estate.slice(0, 200)) assert.ok(d.scope.kind === 'property' ? d.scope.id === 'grosssiedlung' : d.scope.id.startsWith('grosssiedlung-'), d.id);
  });

  it('title:asc and title:desc pages and a unit scope agree with the full listing', async () => {
    assert.ok(estate.length > 0, 'runs after the paging test');
    // The expected title order, computed here: folded titles (no case, no accents, "ß" as "ss"), ties by id.
    const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
    const keyed = estate.map((d) => ({ id: d.id, key: fold(d.title) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : byId(a.id, b.id)));
    const expected = keyed.map((d) => d.id);
    let cursor: string | null = null;
    const got: string[] = [];
    for (let page = 0; page < 4; page++) {
      const r: Answer = await big.get(`/documents?scope=property:grosssiedlung&sort=title:asc&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 'manager');
      got.push(...ids(r));
      cursor = r.body.nextCursor;
    }
    assert.deepEqual(got, expected.slice(0, 200));
    const desc = await big.get('/documents?scope=property:grosssiedlung&sort=title:desc&limit=200', 'manager');
    assert.deepEqual(ids(desc), expected.slice(-200).reverse());
    // Title order together with q.
    const middle = await big.get(`/documents?scope=property:grosssiedlung&sort=title:asc&limit=200&q=${encodeURIComponent('wartungsbericht aufzug 2025')}`, 'manager');
    assert.deepEqual(ids(middle), estate.filter((d) => fold(d.title).includes('wartungsbericht aufzug 2025')).map((d) => ({ id: d.id, key: fold(d.title) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : byId(a.id, b.id))).slice(0, 200).map((d) => d.id));
    const unitDocs = estate.filter((d) => d.scope.kind === 'unit');
    const someUnit = unitDocs[0]!.scope.id;
    const inUnit = await bigPages(`/documents?scope=unit:${someUnit}`, 'manager', 2);
    assert.deepEqual(inUnit.map((d) => d.id), estate.filter((d) => d.scope.kind === 'unit' && d.scope.id === someUnit).map((d) => d.id));
  });

  it('contact views: a contact pages through exactly the documents their shares reach', async () => {
    assert.ok(estate.length > 0, 'runs after the paging test');
    const units = (await big.get('/properties/grosssiedlung/units', 'manager')).body.items as Array<{ id: string; addressId: string; residents: Array<{ contactId: string; role: 'tenant' | 'owner' }> }>;
    const groups = (await big.get('/properties/grosssiedlung/groups', 'manager')).body.items as Array<{ id: string; memberIds: string[] }>;
    assert.ok(units.length >= 4000);
    const reacherOf = (who: string) => {
      const mine = units.filter((u) => u.residents.some((r) => r.contactId === who));
      const memberOf = new Set(groups.filter((g) => g.memberIds.includes(who)).map((g) => g.id));
      return (shares: ShareTarget[]) => shares.some((t) => {
        if (t.kind === 'contact') return t.contactId === who;
        if (t.kind === 'group') return memberOf.has(t.groupId);
        return mine.some(
          (u) =>
            (t.kind === 'property' ? t.propertyId === 'grosssiedlung' : t.kind === 'address' ? u.addressId === t.addressId : u.id === t.unitId) &&
            u.residents.some((r) => r.contactId === who && t.roles.includes(r.role)),
        );
      });
    };
    const tenant = units[0]!.residents.find((r) => r.role === 'tenant')!.contactId;
    const investor = units.find((u) => u.id === 'grosssiedlung-31-w001')!.residents.find((r) => r.role === 'owner')!.contactId;
    assert.ok(groups.find((g) => g.id === 'grosssiedlung-beirat')!.memberIds.includes(investor), 'the investor sits on the board');
    for (const who of [tenant, investor]) {
      const reaches = reacherOf(who);
      const expected = estate.filter((d) => reaches(d.shares)).map((d) => d.id);
      assert.ok(expected.length > 50, `${who} sees more than a page`);
      const mine = await bigPages('/documents', `contact:${who}`);
      assert.deepEqual(mine.map((d) => d.id), expected, `${who}: all their documents, newest first`);
      for (const d of mine.slice(0, 60)) assert.ok(!('shares' in d) && !('downloadCount' in d) && !('recipientCount' in d));
      const scoped = await bigPages('/documents?scope=property:grosssiedlung&sort=title:desc', `contact:${who}`, 200);
      assert.deepEqual(scoped.map((d) => d.id).sort(), [...expected].sort(), `${who}: the estate scope`);
      assert.deepEqual((await big.get('/documents?scope=property:p-001', `contact:${who}`)).body, { items: [], nextCursor: null });
    }
    // Fixture contacts are unchanged by the generated data.
    assert.deepEqual(ids(await big.get('/documents', 'contact:kristina-maiblume')), ['grundriss-max-planck-12-w002']);
    assert.deepEqual(ids(await big.get('/documents', 'contact:paul-klein')), []);
  });
});
