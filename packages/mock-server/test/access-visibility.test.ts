/**
 * What each contact sees, over real HTTP, computed independently from the fixture relations
 * (`from` ≤ today < `to`, today in Europe/Berlin).
 */
import assert from 'node:assert/strict';
import { before, beforeEach, describe, it } from 'node:test';
import type { ShareTarget } from '@docportal/core-sdk';
import { useServer, type Api } from './helpers.ts';
import { api, F, ALL_CONTACTS, NOW, TODAY, assertProblem, uploadPdf } from './access-setup.ts';

// ------------------------------------------------------------------ visibility

const unitById = new Map(F.units.map((u) => [u.id, u]));

/** Who a share list reaches on `today`, computed from the fixture data alone. */
function reach(shares: readonly ShareTarget[], today: string): Set<string> {
  const out = new Set<string>();
  const active = F.relations.filter((r) => r.from <= today && (r.to === undefined || today < r.to));
  for (const t of shares) {
    if (t.kind === 'group') F.groups.find((g) => g.id === t.groupId)!.memberIds.forEach((m) => out.add(m));
    else if (t.kind === 'contact') out.add(t.contactId);
    else
      for (const r of active) {
        const u = unitById.get(r.unitId)!;
        let hit = u.id === (t as { unitId?: string }).unitId;
        if (t.kind === 'property') hit = u.propertyId === t.propertyId;
        else if (t.kind === 'address') hit = u.addressId === t.addressId;
        if (hit && t.roles.includes(r.role)) out.add(r.contactId);
      }
  }
  return out;
}

/** Properties a contact relates to on `today`. */
const propertiesOf = (contactId: string, today: string) =>
  new Set(
    F.relations
      .filter((r) => r.contactId === contactId && r.from <= today && (r.to === undefined || today < r.to))
      .map((r) => unitById.get(r.unitId)!.propertyId),
  );

const P = (propertyId: string, roles: Array<'tenant' | 'owner'>): ShareTarget => ({
  kind: 'property',
  propertyId,
  roles,
});
const A = (addressId: string, roles: Array<'tenant' | 'owner'>): ShareTarget => ({
  kind: 'address',
  addressId,
  roles,
});
const U = (unitId: string, roles: Array<'tenant' | 'owner'>): ShareTarget => ({
  kind: 'unit',
  unitId,
  roles,
});
const G = (groupId: string): ShareTarget => ({ kind: 'group', groupId });
const C = (contactId: string): ShareTarget => ({ kind: 'contact', contactId });
const prop = (id: string) => ({ kind: 'property' as const, id });
const unit = (id: string) => ({ kind: 'unit' as const, id });

/** Documents shared by every kind of target. */
const SETUP: Array<{
  title: string;
  scope: { kind: 'property' | 'unit'; id: string };
  shares: ShareTarget[];
}> = [
  { title: 'R Mieter', scope: prop('rosenweg-24'), shares: [P('rosenweg-24', ['tenant'])] },
  { title: 'R Eigentümer', scope: prop('rosenweg-24'), shares: [P('rosenweg-24', ['owner'])] },
  { title: 'R alle', scope: prop('rosenweg-24'), shares: [P('rosenweg-24', ['tenant', 'owner'])] },
  { title: 'R Adresse 24a Mieter', scope: prop('rosenweg-24'), shares: [A('rosenweg-24a', ['tenant'])] },
  { title: 'R Adresse 24 Eigentümer', scope: prop('rosenweg-24'), shares: [A('rosenweg-24', ['owner'])] },
  { title: 'R Einheit w003 Mieter', scope: prop('rosenweg-24'), shares: [U('rosenweg-24-w003', ['tenant'])] },
  {
    title: 'R Einheit w002 Mieter (erst 2030)',
    scope: prop('rosenweg-24'),
    shares: [U('rosenweg-24-w002', ['tenant'])],
  },
  { title: 'R Beirat', scope: prop('rosenweg-24'), shares: [G('rosenweg-24-beirat')] },
  { title: 'R Ahmet persönlich', scope: prop('rosenweg-24'), shares: [C('ahmet-yilmaz')] },
  { title: 'R niemand', scope: prop('rosenweg-24'), shares: [] },
  {
    title: 'R gemischt',
    scope: prop('rosenweg-24'),
    shares: [A('rosenweg-24', ['tenant']), G('rosenweg-24-beirat'), U('rosenweg-24a-w103', ['owner'])],
  },
  { title: 'M alle', scope: prop('max-planck-12'), shares: [P('max-planck-12', ['tenant', 'owner'])] },
  { title: 'M Mieter', scope: prop('max-planck-12'), shares: [P('max-planck-12', ['tenant'])] },
  { title: 'M Adresse Mieter', scope: prop('max-planck-12'), shares: [A('max-planck-12', ['tenant'])] },
  { title: 'M Beirat', scope: prop('max-planck-12'), shares: [G('max-planck-12-beirat')] },
  { title: 'M Lena persönlich', scope: prop('max-planck-12'), shares: [C('lena-hoffmann')] },
  {
    title: 'M Einheit w003 Eigentümer',
    scope: prop('max-planck-12'),
    shares: [U('max-planck-12-w003', ['owner'])],
  },
  { title: 'W002 Mieter', scope: unit('max-planck-12-w002'), shares: [U('max-planck-12-w002', ['tenant'])] },
  {
    title: 'W002 Eigentümer',
    scope: unit('max-planck-12-w002'),
    shares: [U('max-planck-12-w002', ['owner'])],
  },
  { title: 'W002 Kristina', scope: unit('max-planck-12-w002'), shares: [C('kristina-maiblume')] },
  { title: 'W002 niemand', scope: unit('max-planck-12-w002'), shares: [] },
  {
    title: 'R w003 alle',
    scope: unit('rosenweg-24-w003'),
    shares: [U('rosenweg-24-w003', ['tenant', 'owner'])],
  },
];

interface ManagerDoc {
  id: string;
  title: string;
  scope: { kind: string; id: string };
  shares: ShareTarget[];
  sha256: string;
  size: number;
}

/** Creates the documents of SETUP and answers every document as the manager sees it. */
async function setUpDocuments(vis: Api): Promise<ManagerDoc[]> {
  await vis.control('POST', '/clock', { now: NOW });
  for (const d of SETUP) await uploadPdf(vis, d.title, d.scope, d.shares);
  const all = await vis.get('/documents?limit=200', 'manager');
  assert.equal(all.status, 200);
  assert.equal(all.body.nextCursor, null);
  assert.equal(all.body.items.length, SETUP.length + 4);
  return all.body.items;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const FORBIDDEN_FIELDS = ['shares', 'recipientCount', 'downloadCount'];

/** Lists for every contact; single documents (and downloads with `content`) for `singles` (default: all). */
async function checkVisibility(
  vis: Api,
  docs: ManagerDoc[],
  today: string,
  opts: { content: boolean; singles?: string[] },
) {
  for (const contact of ALL_CONTACTS) {
    const token = `contact:${contact}`;
    const expected = docs.filter((d) => reach(d.shares, today).has(contact)).map((d) => d.id);
    const list = await vis.get('/documents?limit=200', token);
    assert.equal(list.status, 200);
    assert.deepEqual(
      sorted(list.body.items.map((d: { id: string }) => d.id)),
      sorted(expected),
      `${contact} on ${today}`,
    );
    assert.equal(list.body.nextCursor, null);
    for (const item of list.body.items)
      for (const f of FORBIDDEN_FIELDS) assert.ok(!(f in item), `${contact} got ${f} in the list`);
    if (opts.singles && !opts.singles.includes(contact)) continue;
    for (const d of docs) {
      const one = await vis.get(`/documents/${d.id}`, token);
      if (expected.includes(d.id)) {
        assert.equal(one.status, 200, `${contact} must see ${d.title} on ${today}`);
        assert.equal(one.body.id, d.id);
        for (const f of FORBIDDEN_FIELDS) assert.ok(!(f in one.body), `${contact} got ${f}`);
      } else {
        assertProblem(one, 404, 'not_found', `${contact} must not see ${d.title} on ${today}`);
      }
      if (opts.content) {
        const file = await vis.get(`/documents/${d.id}/content`, token);
        if (expected.includes(d.id)) {
          assert.equal(file.status, 200, `${contact} downloads ${d.title}`);
          assert.equal(file.bytes.length, d.size);
        } else assertProblem(file, 404, 'not_found', `${contact} downloads ${d.title}`);
      }
    }
  }
}

describe('visibility: a contact sees exactly what the shares resolve to today', () => {
  // One server holding the documents of SETUP for the whole describe; every test sets its clock.
  const vis = useServer({ resetEach: false });
  let docs: ManagerDoc[] = [];
  before(async () => {
    docs = await setUpDocuments(vis);
  });
  const atToday = () => vis.control('POST', '/clock', { now: NOW });
  it(`on ${TODAY}: lists, single documents and downloads for every fixture contact`, async () => {
    await atToday();
    // Sanity of the expectation itself: the cases named in DOMAIN.md.
    const byTitle = (t: string) => docs.find((d) => d.title === t)!;
    assert.deepEqual(sorted(reach(byTitle('R Mieter').shares, TODAY)), [
      'ahmet-yilmaz',
      'claire-dubois',
      'elif-demir',
      'markus-schneider',
    ]);
    assert.deepEqual(sorted(reach(byTitle('R Einheit w002 Mieter (erst 2030)').shares, TODAY)), []);
    await checkVisibility(vis, docs, TODAY, { content: true });
  });

  // Around the ends of relations, in Berlin time: paul-klein's tenancy ends 2025-10-01 (elif-demir's
  // begins), jan-novak's begins 2030-02-01.
  const instants = [
    { now: '2025-09-30T21:59:59Z', today: '2025-09-30', note: 'the last second of paul-klein in Berlin' },
    {
      now: '2025-09-30T22:00:00Z',
      today: '2025-10-01',
      note: 'midnight in Berlin (summer time): elif-demir instead of paul-klein',
    },
    { now: '2030-01-31T22:59:59Z', today: '2030-01-31', note: 'jan-novak not yet' },
    {
      now: '2030-01-31T23:00:00Z',
      today: '2030-02-01',
      note: 'midnight in Berlin (winter time): jan-novak moved in',
    },
  ];
  for (const { now, today, note } of instants) {
    it(`at ${now} (${note})`, async () => {
      await vis.control('POST', '/clock', { now });
      await checkVisibility(vis, docs, today, {
        content: false,
        singles: ['paul-klein', 'elif-demir', 'jan-novak', 'sophie-wagner'],
      });
      const r24Tenants = docs.find((d) => d.title === 'R Mieter')!;
      const seesIt = async (who: string) =>
        (await vis.get(`/documents/${r24Tenants.id}`, `contact:${who}`)).status === 200;
      if (today === '2025-09-30')
        assert.deepEqual([await seesIt('paul-klein'), await seesIt('elif-demir')], [true, false]);
      if (today === '2025-10-01')
        assert.deepEqual([await seesIt('paul-klein'), await seesIt('elif-demir')], [false, true]);
      if (today === '2030-01-31') assert.equal(await seesIt('jan-novak'), false);
      if (today === '2030-02-01') assert.equal(await seesIt('jan-novak'), true);
    });
  }

  it('contacts never get shares, recipientCount or downloadCount; managers always do', async () => {
    await atToday();
    const d = docs.find((x) => x.title === 'R alle')!;
    const before = (await vis.get(`/documents/${d.id}`, 'manager')).body.downloadCount;
    await vis.get(`/documents/${d.id}/content`, 'contact:ahmet-yilmaz');
    const m = await vis.get(`/documents/${d.id}`, 'manager');
    assert.equal(m.body.downloadCount, before + 1);
    assert.equal(m.body.recipientCount, 6);
    assert.deepEqual(m.body.shares, [P('rosenweg-24', ['tenant', 'owner'])]);
    for (const who of ['ahmet-yilmaz', 'sophie-wagner', 'thomas-richter']) {
      const one = await vis.get(`/documents/${d.id}`, `contact:${who}`);
      assert.equal(one.status, 200);
      assert.deepEqual(Object.keys(one.body).sort(), [
        'createdAt',
        'documentTypeId',
        'fileName',
        'id',
        'mimeType',
        'scope',
        'sha256',
        'size',
        'title',
        'updatedAt',
        'version',
      ]);
      const scoped = await vis.get('/documents?scope=property:rosenweg-24&sort=title:asc', `contact:${who}`);
      for (const item of scoped.body.items)
        for (const f of FORBIDDEN_FIELDS) assert.ok(!(f in item), `${who}: ${f}`);
      assert.equal(JSON.stringify(scoped.body).includes('"shares"'), false);
    }
  });

  it('paul-klein (former tenant) and jan-novak (future tenant) see nothing', async () => {
    await atToday();
    for (const who of ['paul-klein', 'jan-novak']) {
      const token = `contact:${who}`;
      assert.deepEqual((await vis.get('/documents', token)).body, { items: [], nextCursor: null });
      assert.deepEqual((await vis.get('/documents?scope=property:rosenweg-24', token)).body, {
        items: [],
        nextCursor: null,
      });
      assert.deepEqual((await vis.get('/properties', token)).body, { items: [] });
      assertProblem(await vis.get('/properties/rosenweg-24', token), 404, 'not_found', who);
      const types = await vis.get('/document-types', token);
      assert.ok(types.body.items.length > 0);
      for (const t of types.body.items)
        assert.deepEqual([t.documentCount, t.subtreeCount], [0, 0], `${who}: ${t.id}`);
      for (const d of docs) {
        assertProblem(await vis.get(`/documents/${d.id}`, token), 404, 'not_found', `${who}: ${d.title}`);
        assertProblem(
          await vis.get(`/documents/${d.id}/content`, token),
          404,
          'not_found',
          `${who}: ${d.title}`,
        );
      }
    }
  });

  it('GET /documents?scope= for a scope a contact does not relate to is an empty list, not an error', async () => {
    await atToday();
    const cases: Array<[string, string]> = [
      ['ahmet-yilmaz', 'property:max-planck-12'],
      ['ahmet-yilmaz', 'unit:max-planck-12-w002'],
      ['kristina-maiblume', 'property:rosenweg-24'],
      ['kristina-maiblume', 'unit:max-planck-12-w001'],
      ['lena-hoffmann', 'unit:max-planck-12-w002'],
      ['paul-klein', 'unit:rosenweg-24-w003'],
      ['ahmet-yilmaz', 'property:no-such-property'],
      ['ahmet-yilmaz', 'unit:no-such-unit'],
    ];
    for (const [who, scope] of cases) {
      const r = await vis.get(`/documents?scope=${scope}`, `contact:${who}`);
      assert.equal(r.status, 200, `${who} ${scope}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.body, { items: [], nextCursor: null }, `${who} ${scope}`);
    }
    // Inside a scope they do relate to: exactly their documents of that scope (a property includes its units).
    for (const [who, scope] of [
      ['kristina-maiblume', 'property:max-planck-12'],
      ['kristina-maiblume', 'unit:max-planck-12-w002'],
      ['markus-schneider', 'property:rosenweg-24'],
      ['markus-schneider', 'property:max-planck-12'],
      ['thomas-richter', 'unit:rosenweg-24-w003'],
    ] as const) {
      const [kind, id] = scope.split(':') as ['property' | 'unit', string];
      const inScope = (d: ManagerDoc) =>
        kind === 'unit'
          ? d.scope.kind === 'unit' && d.scope.id === id
          : (d.scope.kind === 'property' ? d.scope.id : unitById.get(d.scope.id)!.propertyId) === id;
      const expected = docs.filter((d) => inScope(d) && reach(d.shares, TODAY).has(who)).map((d) => d.id);
      assert.ok(expected.length > 0, `${who} ${scope}: the setup gives something`);
      const r = await vis.get(`/documents?scope=${scope}&limit=200`, `contact:${who}`);
      assert.deepEqual(
        sorted(r.body.items.map((d: { id: string }) => d.id)),
        sorted(expected),
        `${who} ${scope}`,
      );
    }
  });
});

describe('visibility: personal documents and properties', () => {
  beforeEach(() => api.control('POST', '/clock', { now: NOW }));
  it('a personal document (contact target) stays with its person, even a former or future resident', async () => {
    await api.control('POST', '/clock', { now: NOW });
    const forPaul = await uploadPdf(api, 'Kautionsabrechnung Paul', prop('rosenweg-24'), [C('paul-klein')]);
    const forJan = await uploadPdf(api, 'Willkommen Jan', unit('rosenweg-24-w002'), [C('jan-novak')]);
    assert.deepEqual(
      (await api.get('/documents', 'contact:paul-klein')).body.items.map((d: { id: string }) => d.id),
      [forPaul.id],
    );
    assert.deepEqual(
      (await api.get('/documents', 'contact:jan-novak')).body.items.map((d: { id: string }) => d.id),
      [forJan.id],
    );
    assert.equal((await api.get(`/documents/${forJan.id}`, 'contact:paul-klein')).status, 404);
    assert.equal((await api.get(`/documents/${forPaul.id}`, 'contact:elif-demir')).status, 404);
  });

  it('GET /properties lists only the properties a contact relates to today; others are 404', async () => {
    const everything = (await api.get('/properties', 'manager')).body.items.map((p: { id: string }) => p.id);
    assert.deepEqual(sorted(everything), ['max-planck-12', 'rosenweg-24']);
    const all = await api.get('/properties', 'manager');
    for (const contact of ALL_CONTACTS) {
      const token = `contact:${contact}`;
      const expected = propertiesOf(contact, TODAY);
      const r = await api.get('/properties', token);
      assert.equal(r.status, 200);
      assert.deepEqual(sorted(r.body.items.map((p: { id: string }) => p.id)), sorted(expected), contact);
      for (const p of r.body.items)
        assert.deepEqual(
          p,
          all.body.items.find((x: { id: string }) => x.id === p.id),
          `${contact}: same property record`,
        );
      for (const id of everything) {
        const one = await api.get(`/properties/${id}`, token);
        if (expected.has(id)) {
          assert.equal(one.status, 200, `${contact} → ${id}`);
          assert.equal(one.body.id, id);
          assert.ok(Array.isArray(one.body.addresses) && one.body.addresses.length > 0);
        } else assertProblem(one, 404, 'not_found', `${contact} → ${id}`);
      }
      assertProblem(await api.get('/properties/no-such-property', token), 404, 'not_found', contact);
    }
    // markus-schneider relates to both properties, in different roles.
    assert.deepEqual(sorted(propertiesOf('markus-schneider', TODAY)), ['max-planck-12', 'rosenweg-24']);
  });
});
